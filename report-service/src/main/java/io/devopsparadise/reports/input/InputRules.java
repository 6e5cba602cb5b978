package io.devopsparadise.reports.input;

import io.devopsparadise.contracts.clients.ClientNames;
import java.util.regex.Pattern;

/**
 * The rules for the identifiers callers hand the report-service: run ids are UUIDs as the orchestrator writes them,
 * client names follow {@link ClientNames}. Both name directories under reports/, so neither can be a path step.
 */
public final class InputRules {

    public static final String RUN_ID_RULE = "a UUID in lower case, e.g. 3f2b9c1e-7a4d-4e21-9b0c-5d6e7f8a9b0c";

    private static final Pattern RUN_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int ECHOED = 80;

    private InputRules() {}

    public static boolean isRunId(String value) {
        return value != null && RUN_ID.matcher(value).matches();
    }

    /** The run id, or a 400 that says what a run id is. */
    public static String runId(String parameter, String value) {
        if (!isRunId(value)) {
            throw new InvalidInputException(parameter + " must be " + RUN_ID_RULE + ", got " + echo(value));
        }
        return value;
    }

    /** The client name, or a 400 that states the rule. */
    public static String clientName(String parameter, String value) {
        if (!ClientNames.isValid(value)) {
            throw new InvalidInputException(
                    parameter + " must be a client name: " + ClientNames.RULE + "; got " + echo(value));
        }
        return value;
    }

    /** A client name filter: null means every client. */
    public static String optionalClientName(String parameter, String value) {
        return value == null ? null : clientName(parameter, value);
    }

    /** What the caller sent, short and on one line, so an answer or a log line never carries a forged line or a huge value. */
    public static String echo(String value) {
        if (value == null) {
            return "nothing";
        }
        String shown = value.length() > ECHOED ? value.substring(0, ECHOED) + "…" : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}

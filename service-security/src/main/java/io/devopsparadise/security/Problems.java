package io.devopsparadise.security;

import java.util.UUID;
import org.slf4j.Logger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Errors as every service answers them: a problem detail whose words say what to fix, never a stack trace. */
public final class Problems {

    private static final int MAX_ECHO = 300;
    private static final int ECHOED = 80;

    private Problems() {}

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** A failure nobody foresaw: logged whole under an incident id, answered with the id alone. */
    public static ProblemDetail unexpected(Logger log, String service, Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("unexpected error, incident {}", incident, e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "Unexpected error; the " + service + " log has the details under incident " + incident);
    }

    /** A request body the JSON parser refused, with the first line of what it said (bounded: it may quote the body). */
    public static ProblemDetail malformedBody(String parserMessage) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Malformed request body",
                "The request body is not valid JSON of the expected shape: " + firstLine(parserMessage));
    }

    /** A value the caller sent, quoted back: bounded, its control characters replaced. */
    public static String echo(String value) {
        if (value == null) {
            return "nothing";
        }
        String shown = value.length() > ECHOED ? value.substring(0, ECHOED) + "…" : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    static String firstLine(String message) {
        if (message == null) {
            return "empty or unreadable body";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > MAX_ECHO ? line.substring(0, MAX_ECHO) + "…" : line;
    }
}

package io.devopsparadise.contracts.clients;

import java.util.regex.Pattern;

/**
 * The one rule for a client's name, which every service checks: it names directories (reports, workspaces' data),
 * containers and metric tags, so it can never be a path step such as {@code ..}.
 */
public final class ClientNames {

    public static final String RULE =
            "1–63 characters: letters, digits, '.', '_' or '-', starting with a letter or digit";

    /** The rule as a regular expression; the start scripts, which cannot call this class, repeat it (ScriptParityTests checks them). */
    public static final String REGEX = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}";

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private ClientNames() {}

    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }
}

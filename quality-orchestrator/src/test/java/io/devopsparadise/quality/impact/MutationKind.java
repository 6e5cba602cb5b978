package io.devopsparadise.quality.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The edits a mutant makes to one line of code: each kind lists the lines it can make of a line, leftmost edit first. */
enum MutationKind {

    /** {@code ==}↔{@code !=}, {@code <}↔{@code >=}, {@code >}↔{@code <=}, {@code is}↔{@code is not}, {@code in}↔{@code not in}. */
    COMPARISON {
        @Override
        List<String> edits(String line, int number, CodeColumns code) {
            List<String> edits = new ArrayList<>();
            int i = 0;
            while (i < line.length()) {
                String operator = comparisonAt(line, i, number, code);
                if (operator == null) {
                    i++;
                    continue;
                }
                edits.add(line.substring(0, i) + FLIPPED.get(operator) + line.substring(i + operator.length()));
                i += operator.length();
            }
            return edits;
        }
    },

    /** {@code return X} → {@code return None}, on a return statement that fits its line. */
    RETURN {
        @Override
        List<String> edits(String line, int number, CodeColumns code) {
            Matcher statement = RETURN_STATEMENT.matcher(line);
            if (!statement.matches()
                    || !code.isWholeStatement(number)
                    || !code.isCode(number, statement.start(2), statement.end(2))) {
                return List.of();
            }
            String value = line.substring(statement.end(2)).strip();
            return NOTHING_RETURNED.matcher(value).matches() ? List.of() : List.of(statement.group(1) + "return None");
        }
    },

    /** An integer literal {@code n} → {@code n + 1}. */
    CONSTANT {
        @Override
        List<String> edits(String line, int number, CodeColumns code) {
            List<String> edits = new ArrayList<>();
            Matcher integer = INTEGER.matcher(line);
            while (integer.find()) {
                if (code.isCode(number, integer.start(), integer.end())) {
                    edits.add(line.substring(0, integer.end()) + " + 1" + line.substring(integer.end()));
                }
            }
            return edits;
        }
    };

    private static final Map<String, String> FLIPPED = Map.ofEntries(
            Map.entry(" is not ", " is "),
            Map.entry(" is ", " is not "),
            Map.entry(" not in ", " in "),
            Map.entry(" in ", " not in "),
            Map.entry("==", "!="),
            Map.entry("!=", "=="),
            Map.entry("<=", ">"),
            Map.entry(">=", "<"),
            Map.entry("<", ">="),
            Map.entry(">", "<="));
    /** Longest first, so {@code is not} is not read as {@code is}, nor {@code <=} as {@code <}. */
    private static final List<String> OPERATORS =
            List.of(" is not ", " not in ", " is ", " in ", "==", "!=", "<=", ">=", "<", ">");

    private static final Pattern RETURN_STATEMENT = Pattern.compile("^(\\s*)(return)\\b.*$");
    private static final Pattern NOTHING_RETURNED = Pattern.compile("^(None)?\\s*(#.*)?$");
    private static final Pattern INTEGER = Pattern.compile("(?<![\\w.])\\d+(?![\\w.])");
    private static final Pattern FOR_CLAUSE = Pattern.compile("\\bfor\\b(?!.*\\bif\\b)");

    abstract List<String> edits(String line, int number, CodeColumns code);

    /** The comparison operator starting at column i, if it is code and really a comparison. */
    private static String comparisonAt(String line, int i, int number, CodeColumns code) {
        for (String operator : OPERATORS) {
            if (line.startsWith(operator, i)
                    && code.isCode(number, i, i + operator.length())
                    && isComparison(line, i, operator)) {
                return operator;
            }
        }
        return null;
    }

    private static boolean isComparison(String line, int i, String operator) {
        char before = i > 0 ? line.charAt(i - 1) : ' ';
        char after = i + operator.length() < line.length() ? line.charAt(i + operator.length()) : ' ';
        return switch (operator) {
            // the target of a for clause ("for x in xs") is not a membership test
            case " in " -> !FOR_CLAUSE.matcher(line.substring(0, i)).find();
            case "<" -> before != '<' && after != '<';
            case ">" -> before != '>' && before != '-' && after != '>';
            case "<=" -> before != '<';
            case ">=" -> before != '>';
            default -> true;
        };
    }
}

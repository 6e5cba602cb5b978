package io.devopsparadise.reports.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/** How reports write numbers, times and commits; the templates call it as {@code fmt}. */
public final class Formats {

    private static final String MARKDOWN_SPECIAL = "\\`*_[]<>#|~&";
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public String percent(Double rate) {
        return rate == null ? "–" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    public String signedPercent(Double delta) {
        return delta == null ? "–" : String.format(Locale.ROOT, "%+.1f pp", delta * 100);
    }

    public String duration(long millis) {
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %d s", millis / 60_000, millis % 60_000 / 1000);
    }

    public String seconds(double seconds) {
        return duration(Math.round(seconds * 1000));
    }

    public String time(Instant instant) {
        return instant == null ? "–" : TIME.format(instant);
    }

    public String commit(String commit) {
        return commit == null ? "–" : commit.substring(0, Math.min(10, commit.length()));
    }

    public String number(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** A Lighthouse metric: layout shift is unitless, the others are milliseconds. */
    public String metric(String name, double value) {
        return "cumulative-layout-shift".equals(name)
                ? String.format(Locale.ROOT, "%.3f", value)
                : duration(Math.round(value));
    }

    public String location(String file, int line) {
        if (file == null || file.isBlank()) {
            return "–";
        }
        return line > 0 ? file + ":" + line : file;
    }

    /**
     * Text from the tested repository (test names, messages, paths) as Markdown that shows it literally: on one line (a
     * line break could start a heading or a table row), every character that could open emphasis, a link, an image,
     * HTML, an entity or a table cell escaped with a backslash.
     */
    public String md(String text) {
        if (text == null) {
            return "";
        }
        String line = oneLine(text);
        StringBuilder escaped = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (MARKDOWN_SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /**
     * Text from the tested repository as a Markdown code span that shows it literally: on one line, fenced by more
     * backticks than it holds in a row (backslashes do not escape inside a code span).
     */
    public String code(String text) {
        String line = oneLine(text == null ? "" : text);
        int longest = 0;
        for (int i = 0, run = 0; i < line.length(); i++) {
            run = line.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = line.isEmpty()
                || line.startsWith("`")
                || line.endsWith("`")
                || line.startsWith(" ")
                || line.endsWith(" ");
        return pad ? fence + " " + line + " " + fence : fence + line + fence;
    }

    /** Control characters, line breaks included, become spaces. */
    private static String oneLine(String text) {
        return CONTROL.matcher(text).replaceAll(" ");
    }

    /** The first line of a message, for tables; the whole message goes into the details. */
    public String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}

package io.devopsparadise.quality.reports;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * flake8's report in the format {@link #FORMAT} (flake8 has no JSON without a plugin):
 * {@code path::row::col::code::text}, one finding a line.
 */
public final class Flake8Parser {

    /** The {@code --format} flake8 is run with. */
    public static final String FORMAT = "%(path)s::%(row)d::%(col)d::%(code)s::%(text)s";

    private static final String NAME = "flake8";

    public List<Finding> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ReportParseException(
                    NAME, file, "cannot be read (" + e.getClass().getSimpleName() + ")", null);
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("::", 5);
            if (parts.length != 5) {
                throw new ReportParseException(
                        NAME, file, "line " + (i + 1) + " is not path::row::col::code::text", null);
            }
            findings.add(
                    new Finding(NAME, parts[3], severity(parts[3]), parts[0], number(parts[1], file, i), parts[4]));
        }
        return findings;
    }

    /** Syntax errors and undefined names break code; other pyflakes findings smell; pycodestyle is style. */
    private static Severity severity(String code) {
        if (code.startsWith("E9") || code.startsWith("F82")) {
            return Severity.HIGH;
        }
        return code.startsWith("F") ? Severity.MEDIUM : Severity.LOW;
    }

    private static int number(String text, Path file, int index) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ReportParseException(NAME, file, "line " + (index + 1) + " has no row number", e);
        }
    }
}

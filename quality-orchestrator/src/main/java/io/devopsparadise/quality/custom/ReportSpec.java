package io.devopsparadise.quality.custom;

import java.util.List;
import java.util.Objects;

/**
 * A report a project's own command writes: its format and where, always inside the run's report directory.
 *
 * @param path as configured, {@code {reports}/…}
 */
public record ReportSpec(ReportFormat format, String path) {

    static final String REPORTS = "{reports}/";

    public ReportSpec {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(path, "path");
    }

    /** A checked report setting; {@code field} is report or coverage. */
    static ReportSpec of(String field, String format, String path, List<ReportFormat> formats) {
        if (format == null) {
            throw new InvalidCustomToolException(
                    field + ".format",
                    "is required: one of "
                            + formats.stream().map(ReportFormat::key).toList());
        }
        ReportFormat parsed = ReportFormat.parse(field + ".format", format, formats);
        checkPath(field + ".path", path);
        return new ReportSpec(parsed, path);
    }

    /** The path below the run's report directory. */
    public String relative() {
        return path.substring(REPORTS.length());
    }

    private static void checkPath(String field, String path) {
        String inside =
                "must be inside the run's report directory: start it with {reports}/, like \"{reports}/unit.xml\"";
        if (path == null || !path.startsWith(REPORTS)) {
            throw new InvalidCustomToolException(
                    field, inside + (path == null ? "" : ", got '" + CustomTool.shorten(path) + "'"));
        }
        String rest = path.substring(REPORTS.length());
        if (rest.isEmpty()
                || rest.startsWith("/")
                || rest.contains("\\")
                || rest.indexOf('\0') >= 0
                || rest.contains("{")
                || List.of(rest.split("/")).stream()
                        .anyMatch(part -> part.equals("..") || part.equals(".") || part.isEmpty())) {
            throw new InvalidCustomToolException(
                    field,
                    inside + ", without '..', '.', '//', '\\' or other placeholders; got '" + CustomTool.shorten(path)
                            + "'");
        }
    }
}

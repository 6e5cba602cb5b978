package io.devopsparadise.quality.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.quality.detection.WorkspaceDetector;
import io.devopsparadise.quality.runners.RunContext;
import io.devopsparadise.quality.runners.Toolbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code .paradise.yml} read as untrusted text: every rule, with the message and the line a user sees. */
class CustomCommandsParsingTests {

    @TempDir
    Path root;

    private static final String GOOD = """
            tools:
              - name: unit-tests
                category: unit
                command: ["python3", "-m", "pytest", "-q", "tests/unit", "--junitxml={reports}/unit.xml"]
                report: {format: junit, path: "{reports}/unit.xml"}
                coverage: {format: cobertura, path: "{reports}/cov.xml"}
                timeout: 5m
                replaces: pytest
            """;

    /** One tool whose {@code key} line is replaced (or added when absent). */
    private static String with(String key, String value) {
        String line = "    " + key + ": " + value + "\n";
        if (key.equals("name")) {
            return GOOD.replace("name: unit-tests", "name: " + value);
        }
        return GOOD.contains("    " + key + ":")
                ? GOOD.replaceAll("(?m)^    " + key + ":.*\n", java.util.regex.Matcher.quoteReplacement(line))
                : GOOD + line;
    }

    private static String problem(String yaml) {
        try {
            ParadiseYml.parse(yaml);
        } catch (InvalidParadiseYmlException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void readsTheExampleOfTheDocs() {
        CustomTool tool = ParadiseYml.parse(GOOD).get(0);

        assertThat(tool.name()).isEqualTo("unit-tests");
        assertThat(tool.category()).isEqualTo(ToolCategory.UNIT);
        assertThat(tool.command())
                .containsExactly("python3", "-m", "pytest", "-q", "tests/unit", "--junitxml={reports}/unit.xml");
        assertThat(tool.report()).isEqualTo(new ReportSpec(ReportFormat.JUNIT, "{reports}/unit.xml"));
        assertThat(tool.coverage().format()).isEqualTo(ReportFormat.COBERTURA);
        assertThat(tool.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(tool.replaces()).isEqualTo("pytest");
        assertThat(tool.source()).isEqualTo(".paradise.yml: line 2: tools[0]");
        assertThat(ParadiseYml.parse("")).isEmpty();
        assertThat(ParadiseYml.parse("tools: []")).isEmpty();
    }

    @Test
    void aCommandGivenAsAStringIsRefusedWithTheArrayToGiveInstead() {
        assertThat(problem(with("command", "python3 -m pytest -q")))
                .isEqualTo(".paradise.yml: line 4: tools[0].command must be an array of "
                        + "strings, e.g. [\"pytest\", \"-q\"]; a string is never run through a shell");
        assertThat(problem(with("command", "[\"pytest -q tests\"]")))
                .contains(
                        "line 4: tools[0].command is one string with spaces "
                                + "('pytest -q tests'); it is never run through a shell: give an array of strings, e.g. [\"pytest\", \"-q\"]");
        assertThat(problem(with("command", "{program: pytest}")))
                .contains("tools[0].command must be an array of strings");
        assertThat(problem(with("command", "[]"))).contains("tools[0].command is required");
    }

    @Test
    void everyElementOfTheCommandIsAStringWithoutNul() {
        assertThat(problem(with("command", "[pytest, 5, true, [x]]")))
                .isEqualTo(".paradise.yml: line 4: tools[0].command[1] must be a "
                        + "string (quote it: \"5\"); line 4: tools[0].command[2] must be a string (quote it: \"true\"); line 4: tools[0].command[3] "
                        + "must be a string");
        assertThat(problem(with("command", "[\"pytest\", \"-k\\0rm\"]")))
                .contains("tools[0].command[1] contains a NUL character");
        assertThat(problem(with("command", "[\"\", \"-q\"]")))
                .contains("tools[0].command[0] must name the program to run");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "name     | Unit_Tests     | line 2: tools[0].name must be 1 to 40 lowercase letters, digits or '-', got 'Unit_Tests'",
                "name     | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | tools[0].name must be 1 to 40 lowercase letters",
                "name     | 2024           | line 2: tools[0].name must be a string (quote it: \"2024\")",
                "name     | semantic       | line 2: tools[0].name 'semantic' is the semantic step's own tool; choose another name",
                "category | fuzzing        | line 3: tools[0].category must be one of [unit, lint, semantic, security, api, e2e, performance], got 'fuzzing'",
                "timeout  | soon           | line 7: tools[0].timeout must be a duration like 90s, 5m or 1h",
                "timeout  | 300            | line 7: tools[0].timeout must be a duration like 90s, 5m or 1h",
                "replaces | Py Test        | line 8: tools[0].replaces must name a tool, like pytest",
                "colour   | red            | line 9: tools[0].colour is not a setting; known: [category, command, coverage, name, replaces, report, timeout]",
            })
    void aBadSettingIsNamedWithItsLine(String key, String value, String expected) {
        assertThat(problem(with(key, value))).startsWith(".paradise.yml: ").contains(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{format: junit-xml, path: '{reports}/u.xml'} | line 5: tools[0].report.format 'junit-xml' is not one of [junit, sarif, pylint-json, bandit-json, flake8]",
                "{format: cobertura, path: '{reports}/u.xml'} | (Cobertura is coverage: give it under coverage, beside a junit report)",
                "{path: '{reports}/u.xml'}                     | tools[0].report.format is required",
                "{format: junit}                               | tools[0].report.path must be inside the run's report directory",
                "{format: junit, path: '{reports}/../u.xml'}   | line 5: tools[0].report.path must be inside the run's report directory: start it with {reports}/, like \"{reports}/unit.xml\", without '..'",
                "{format: junit, path: '{reports}/a/../../x'}  | without '..'",
                "{format: junit, path: '/etc/passwd'}          | tools[0].report.path must be inside the run's report directory: start it with {reports}/, like \"{reports}/unit.xml\", got '/etc/passwd'",
                "{format: junit, path: '{reports}//etc/x'}     | without '..', '.', '//'",
                "{format: junit, path: '{workspace}/u.xml'}    | got '{workspace}/u.xml'",
                "{format: junit, path: 'unit.xml'}             | start it with {reports}/",
                "{format: junit, path: '{reports}/'}           | tools[0].report.path must be inside",
            })
    void aReportIsAKnownFormatInsideTheRunsReportDirectory(String report, String expected) {
        assertThat(problem(with("report", report))).contains(expected);
    }

    @Test
    void coverageIsCoberturaBesideAJunitReport() {
        assertThat(problem(with("coverage", "{format: jacoco, path: '{reports}/c.xml'}")))
                .contains("line 6: tools[0].coverage.format 'jacoco' is not one of [cobertura]");
        assertThat(problem(with("report", "{format: sarif, path: '{reports}/l.sarif'}")))
                .contains("tools[0].coverage is a Cobertura report beside a junit report");
    }

    @Test
    void everyProblemOfTheFileIsReportedNotJustTheFirst() {
        String yaml = GOOD + """
                  - name: lint
                    category: style
                    command: "ruff check ."
                    report: {format: sarif, path: "{reports}/ruff.sarif"}
                  - name: unit-tests
                    category: unit
                    command: ["pytest"]
                    report: {format: junit, path: "{reports}/u2.xml"}
                """;

        assertThat(problem(yaml))
                .isEqualTo(
                        ".paradise.yml: line 11: tools[1].command must be an array of strings, e.g. [\"pytest\", \"-q\"]; "
                                + "a string is never run through a shell; line 13: tools[2].name 'unit-tests' is given twice");
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThat(problem("tools:\n  - name: a\n    command: [pytest, --junitxml={reports}/u.xml]\n"))
                .startsWith(".paradise.yml: line 3: not valid YAML");
        assertThat(problem("tools: {name: a}"))
                .isEqualTo(
                        ".paradise.yml: line 1: tools must be a list of tools, each {name, category, command, report}");
        assertThat(problem("- a\n- b\n")).isEqualTo(".paradise.yml: line 1: the file must be a mapping of [tools]");
        assertThat(problem("tool:\n  - name: a\n"))
                .isEqualTo(".paradise.yml: line 1: tool is not a setting; known: [tools]");
        assertThat(problem("tools: []\ntools: []\n")).contains("line 2: tools is given twice");
        assertThat(problem("tools: !!python/object:os.system [x]\n"))
                .isEqualTo(
                        ".paradise.yml: line 1: not valid YAML: Global tag is not allowed: tag:yaml.org,2002:python/object:os.system");
    }

    @Test
    void anAliasBombIsRefusedBeforeItExpands() {
        StringBuilder bomb =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, "*" + p)))
                    .append("]\n");
        }
        bomb.append("tools: [*j]\n");

        long started = System.nanoTime();
        assertThat(problem(bomb.toString()))
                .startsWith(
                        ".paradise.yml: not read: Number of aliases for non-scalar nodes exceeds the specified max");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aFileLargerThan64KibIsNotRead() throws Exception {
        Files.writeString(root.resolve(".paradise.yml"), "# " + "x".repeat(ParadiseYml.MAX_BYTES) + "\ntools: []\n");

        assertThatThrownBy(() -> ParadiseYml.read(root)).hasMessage(".paradise.yml: larger than 64 KiB; not read");
    }

    @Test
    void aParadiseYmlSymlinkedOutOfTheWorkspaceIsNeverRead() throws Exception {
        Path secret =
                Files.writeString(Files.createTempFile("admin-token", ".yml"), "tools: [{name: leaked-admin-token}]\n");
        try {
            Files.createSymbolicLink(root.resolve(".paradise.yml"), secret);

            assertThatThrownBy(() -> ParadiseYml.read(root))
                    .hasMessage(".paradise.yml: not a regular file (a symbolic link or a directory); not read")
                    .hasMessageNotContaining("leaked");
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void anArgumentStaysWholeWithOnlyReportsOrWorkspaceExpanded() throws Exception {
        Files.writeString(
                root.resolve(".paradise.yml"),
                with(
                        "command",
                        "[\"run tests\", \"--out={reports}/u.xml\", \"{workspace}\", \"{HOME}\", \"$(id)\", \"a;b\", \"{reports}{reports}\"]"));
        RunContext context = new RunContext(
                "r1",
                Instant.now(),
                new WorkspaceDetector().detect(root),
                "/work space",
                ".paradise/reports/r1",
                List.of(),
                null,
                new Toolbox("/usr/bin/python3", "/app/node_modules", "/usr/bin/chromium", "mvn", null));

        assertThat(ParadiseYml.read(root).get(0).argv(context))
                .containsExactly(
                        "run tests",
                        "--out=/work space/.paradise/reports/r1/u.xml",
                        "/work space",
                        "{HOME}",
                        "$(id)",
                        "a;b",
                        "/work space/.paradise/reports/r1/work space/.paradise/reports/r1");
    }
}

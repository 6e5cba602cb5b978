package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a planned run reads back from the workspace, written by code the platform does not trust. */
class ImpactReportsTests {

    @TempDir
    Path dir;

    /** One whole line, then the first part of another. */
    private static List<TestEvent> feedALineAndAHalf(TestEvents events) {
        return events.feed(
                "{\"id\":\"t.py::a\",\"when\":\"call\",\"outcome\":\"passed\",\"seconds\":0.5}\n{\"id\":\"t.py::b\",\"wh"
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theEventLogIsReadLineByLineAsItGrows() {
        List<TestEvent> first = feedALineAndAHalf(new TestEvents());

        assertThat(first).extracting(TestEvent::id).containsExactly("t.py::a");
    }

    @Test
    void aLineCutInTwoWaitsForItsEnd() {
        TestEvents events = new TestEvents();
        feedALineAndAHalf(events);

        List<TestEvent> second =
                events.feed("en\":\"call\",\"outcome\":\"failed\",\"seconds\":1,\"message\":\"assert 1 == 2\"}\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(second).singleElement().satisfies(event -> {
            assertThat(event.failed()).isTrue();
            assertThat(event.message()).isEqualTo("assert 1 == 2");
        });
    }

    @Test
    void theSessionLineSaysWhetherPytestStoppedBeforeRunningEveryTest() {
        List<TestEvent> read = new TestEvents()
                .feed(("{\"session\": true, \"stopped\": true, \"collected\": 9}\n"
                                + "{\"session\": true, \"stopped\": false}\n")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(read).extracting(TestEvent::stoppedEarly).containsExactly(true, false);
        assertThat(read).allSatisfy(event -> assertThat(event.failed()).isFalse());
    }

    private static final String HUGE = "x".repeat(TestEvents.MAX_LINE + 10);

    /** Every kind of line that is no event, and one event whose fields are out of bounds. */
    private static List<TestEvent> readAMixedLog() {
        return new TestEvents()
                .feed(String.join(
                                "\n",
                                "not json",
                                "{\"id\":\"a\",\"outcome\":\"exploded\"}",
                                "{\"outcome\":\"failed\"}",
                                "[1,2]",
                                "{\"id\":{\"nested\":1},\"outcome\":\"failed\"}",
                                HUGE,
                                "{\"id\":\"ok\",\"outcome\":\"failed\",\"seconds\":-5,\"message\":\""
                                        + "m\\u0007".repeat(400) + "\"}",
                                "")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void linesThatAreNoEventsAreSkipped() {
        assertThat(readAMixedLog())
                .singleElement()
                .satisfies(event -> assertThat(event.id()).isEqualTo("ok"));
    }

    @Test
    void everyFieldOfAnEventIsBounded() {
        assertThat(readAMixedLog()).singleElement().satisfies(event -> {
            assertThat(event.seconds()).isZero();
            assertThat(event.message()).hasSizeLessThanOrEqualTo(301).doesNotContain("\u0007");
        });
    }

    @Test
    void theLogGoesOnPastAnEndlessLine() {
        TestEvents events = new TestEvents();

        assertThat(events.feed(HUGE.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(events.feed("\n{\"id\":\"after\",\"outcome\":\"passed\"}\n".getBytes(StandardCharsets.UTF_8)))
                .as("an endless line is dropped, the log goes on")
                .extracting(TestEvent::id)
                .containsExactly("after");
    }

    private CoverageContexts contexts() throws Exception {
        Path report = Files.writeString(dir.resolve("contexts.json"), """
                {"meta": {"version": "6.5.0"}, "files": {
                  "calc/ops.py": {"executed_lines": [1, 2, 5], "summary": {"covered_lines": 3},
                    "contexts": {"1": [""], "2": ["tests/test_ops.py::test_add|run", "tests/test_ops.py::test_add|setup"],
                                 "5": ["tests/test_ops.py::test_sub[1-2]|run"]}},
                  "/usr/lib/python3/dist-packages/six.py": {"contexts": {"3": ["tests/test_ops.py::test_add|run"]}},
                  "/workspace/calc/api.py": {"contexts": {"7": ["tests/test_api.py::test_total|teardown"]}}
                }, "totals": {}}
                """);
        return CoverageContexts.read(report, "/workspace");
    }

    @Test
    void coverageContextsGiveTheLinesEachTestRan() throws Exception {
        CoverageContexts contexts = contexts();

        assertThat(contexts.byTest())
                .containsOnlyKeys(
                        "tests/test_ops.py::test_add",
                        "tests/test_ops.py::test_sub[1-2]",
                        "tests/test_api.py::test_total");
        assertThat(contexts.byTest().get("tests/test_ops.py::test_add")).containsOnlyKeys("calc/ops.py");
        assertThat(contexts.byTest().get("tests/test_api.py::test_total").get("calc/api.py"))
                .containsExactly(7);
    }

    @Test
    void coverageContextsGiveWhatRanAtImport() throws Exception {
        assertThat(contexts().importTime().get("calc/ops.py")).containsExactly(1);
    }

    @Test
    void aBrokenContextsReportIsRefusedSayingWhereNotWhat() throws Exception {
        Path report = Files.writeString(
                dir.resolve("contexts.json"), "{\"files\": {\"a.py\": {\"contexts\": {\"1\": [\"SECRET\" ");
        Path lines = Files.writeString(
                dir.resolve("lines.json"), "{\"files\": {\"a.py\": {\"contexts\": {\"one\": [\"t\"]}}}}");

        assertThatThrownBy(() -> CoverageContexts.read(report, "/workspace"))
                .hasMessageContaining("not valid JSON at line")
                .hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> CoverageContexts.read(lines, "/workspace")).hasMessageContaining("not a number");
    }
}

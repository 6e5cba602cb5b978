package io.devopsparadise.quality.impact;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lines each test ran, from coverage.py's JSON report with contexts ({@code pytest --cov-context=test}, then
 * {@code coverage json --show-contexts}). A context is a pytest node id with its phase ({@code |setup}, {@code |run},
 * {@code |teardown}); the phases are merged. Lines run under the empty context ran outside any test: at import or
 * collection time. The report is streamed, never held whole.
 *
 * Lines run in a test's setup or teardown also count in {@code fixtureTime}: a fixture of a wider scope than the test
 * (a session's, a module's) runs once for many tests, and coverage gives it to the first one only.
 *
 * @param byTest      node id → file → lines
 * @param importTime  file → lines run outside any test
 * @param fixtureTime file → lines run in a setup or teardown phase
 */
record CoverageContexts(
        Map<String, Map<String, Set<Integer>>> byTest,
        Map<String, Set<Integer>> importTime,
        Map<String, Set<Integer>> fixtureTime) {

    /** A run's contexts without fixtures. */
    CoverageContexts(Map<String, Map<String, Set<Integer>>> byTest, Map<String, Set<Integer>> importTime) {
        this(byTest, importTime, Map.of());
    }

    /** The most (test, line) pairs read: a larger report is not mapped (the run's tests stay as they were). */
    static final long MAX_PAIRS = 5_000_000;

    static final int MAX_TESTS = 200_000;
    private static final JsonMapper JSON = JsonMapper.shared();

    static CoverageContexts read(Path report, String workspaceInInstance) {
        Map<String, Map<String, Set<Integer>>> byTest = new HashMap<>();
        Map<String, Set<Integer>> importTime = new HashMap<>();
        Map<String, Set<Integer>> fixtureTime = new HashMap<>();
        try (JsonParser parser = JSON.createParser(report.toFile())) {
            expect(parser, JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("files".equals(field) && parser.currentToken() == JsonToken.START_OBJECT) {
                    readFiles(parser, workspaceInInstance, new Sink(byTest, importTime, fixtureTime));
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JacksonException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new IllegalArgumentException("the coverage contexts report is not valid JSON" + where);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the coverage contexts report names a line that is not a number");
        }
        return new CoverageContexts(byTest, importTime, fixtureTime);
    }

    /** Where read lines go, counted against {@link #MAX_PAIRS}. */
    private static final class Sink {
        final Map<String, Map<String, Set<Integer>>> byTest;
        final Map<String, Set<Integer>> importTime;
        final Map<String, Set<Integer>> fixtureTime;
        long pairs;

        Sink(
                Map<String, Map<String, Set<Integer>>> byTest,
                Map<String, Set<Integer>> importTime,
                Map<String, Set<Integer>> fixtureTime) {
            this.byTest = byTest;
            this.importTime = importTime;
            this.fixtureTime = fixtureTime;
        }

        void add(String file, int line, String context) {
            if (++pairs > MAX_PAIRS) {
                throw new IllegalArgumentException("the coverage contexts report holds more than " + MAX_PAIRS
                        + " (test, line) pairs: not mapped");
            }
            String test = testOf(context);
            if (test.isEmpty()) {
                importTime.computeIfAbsent(file, k -> new TreeSet<>()).add(line);
                return;
            }
            if (!context.endsWith("|run")) {
                fixtureTime.computeIfAbsent(file, k -> new TreeSet<>()).add(line);
            }
            if (byTest.size() < MAX_TESTS || byTest.containsKey(test)) {
                byTest.computeIfAbsent(test, k -> new HashMap<>())
                        .computeIfAbsent(file, k -> new TreeSet<>())
                        .add(line);
            }
        }
    }

    private static void readFiles(JsonParser parser, String workspaceInInstance, Sink sink) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String file = relative(parser.currentName(), workspaceInInstance);
            expect(parser, JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("contexts".equals(field) && parser.currentToken() == JsonToken.START_OBJECT && file != null) {
                    readContexts(parser, file, sink);
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    private static void readContexts(JsonParser parser, String file, Sink sink) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            int line = Integer.parseInt(parser.currentName());
            expect(parser, JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                sink.add(file, line, parser.getString());
            }
        }
    }

    /** The node id of a context: pytest-cov's {@code nodeid|phase}, without the phase. */
    static String testOf(String context) {
        for (String phase : new String[] {"|run", "|setup", "|teardown"}) {
            if (context.endsWith(phase)) {
                return context.substring(0, context.length() - phase.length());
            }
        }
        return context;
    }

    /** A workspace-relative file; null for one outside the workspace (an installed library). */
    private static String relative(String file, String workspaceInInstance) {
        String prefix = workspaceInInstance.endsWith("/") ? workspaceInInstance : workspaceInInstance + "/";
        String relative = file.startsWith(prefix) ? file.substring(prefix.length()) : file;
        boolean outside = relative.startsWith("/") || relative.startsWith("../") || relative.contains("/../");
        return outside || TestImpact.isPlatformFile(relative) ? null : relative;
    }

    private static void expect(JsonParser parser, JsonToken token) {
        if (parser.nextToken() != token) {
            throw new IllegalArgumentException("the coverage contexts report is not coverage.py's JSON: expected "
                    + token + " at line " + parser.currentLocation().getLineNr());
        }
    }
}

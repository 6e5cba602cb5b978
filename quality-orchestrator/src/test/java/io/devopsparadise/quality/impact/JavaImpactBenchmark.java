package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestPlan;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.detection.WorkspaceDetector;
import io.devopsparadise.quality.reportdir.ReportDirectory;
import io.devopsparadise.quality.reports.JunitXmlParser;
import io.devopsparadise.quality.runners.RunContext;
import io.devopsparadise.quality.runners.ToolRunner;
import io.devopsparadise.quality.runners.Toolbox;
import io.devopsparadise.testsupport.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java test impact benchmark that bench/impact/java.sh runs, on real code: this repository's own
 * quality-orchestrator module (a clone of the committed tree; no Java project is among the corpora), its unit tests
 * run by Maven with the JUnit probe. A full run measures the map; then mutants of methods the map says some test
 * runs are each checked with a changed-only run, and, when the selection did not catch one, with a full run; after
 * each, the file is restored and a run brings the map back, uncounted, as the developer's run after the fix does. Figures:
 * mutants caught by the selection and by the full suite, and the test time of the selected runs against the full
 * suite's. Not run by CI (its name is neither *Tests nor *IntegrationTests). Fails when the full suite caught a
 * mutant the selection did not.
 */
class JavaImpactBenchmark {

    static final int MUTANTS = ImpactBenchmark.fromEnvironment("IMPACT_JAVA_MUTANTS", 12);
    private static final String MODULE = "quality-orchestrator";
    private static final List<String[]> MUTATIONS = List.of(
            new String[] {" < ", " <= "},
            new String[] {" > ", " >= "},
            new String[] {" == ", " != "},
            new String[] {" != ", " == "},
            new String[] {" && ", " || "},
            new String[] {" || ", " && "},
            new String[] {"return true;", "return false;"},
            new String[] {"return false;", "return true;"},
            new String[] {" + 1", " - 1"});

    @Test
    void mutantsOfThisRepositorysOwnJavaCode() throws Exception {
        Path home = Files.createTempDirectory("java-impact-bench");
        Path repo = home.resolve("repo");
        assertThat(LocalRuns.run(
                                home,
                                List.of("git", "clone", "-q", RepoPaths.root().toString(), repo.toString()),
                                Map.of(),
                                Duration.ofMinutes(5))
                        .exitCode())
                .isZero();
        // the module's tests read the corpora beside the repository, as in the developer's checkout
        Files.createSymbolicLink(
                home.resolve("shared"), RepoPaths.root().resolve("../shared").toRealPath());
        Bench bench = new Bench(repo, home.resolve("copies"));

        Bench.Run full = bench.run(new ImpactRequest(false, null, null, false, Duration.ofMinutes(20)));
        Set<String> baseline = full.failing;
        ImpactMap map = bench.map().orElseThrow();
        System.out.printf(
                "[impact java] full suite: %d test class(es), %d test(s), %.1f s of tests, %.1f s wall, %d failing without a mutant%n",
                map.tests().size(), full.tests, full.testSeconds, full.millis / 1000.0, baseline.size());

        List<String> caughtBySelection = new ArrayList<>();
        List<String> caughtByFull = new ArrayList<>();
        List<String> escaped = new ArrayList<>();
        long selectedMillis = 0;
        double selectedTestSeconds = 0;
        int measured = 0;
        for (Mutation mutation : mutations(repo, map, new Random(7))) {
            if (measured == MUTANTS) {
                break;
            }
            Path file = repo.resolve(mutation.file());
            String original = Files.readString(file);
            Files.writeString(file, mutation.apply(original));
            Bench.Run selected = bench.run(new ImpactRequest(true, null, null, false, Duration.ofMinutes(20)));
            Files.writeString(file, original);
            // as the developer does after the fix: the map back at HEAD, so the next mutant's selection is its own
            bench.run(new ImpactRequest(true, null, null, false, Duration.ofMinutes(20)));
            if (selected.outcome.status() == ToolStatus.ERROR) {
                System.out.println("[impact java] " + mutation + ": does not compile or did not run, left out");
                continue;
            }
            measured++;
            selectedMillis += selected.millis;
            selectedTestSeconds += selected.testSeconds;
            boolean bySelection = !baseline.containsAll(selected.failing);
            boolean byFull = bySelection;
            if (!bySelection) {
                Files.writeString(file, mutation.apply(original));
                Bench.Run again = bench.run(new ImpactRequest(false, null, null, false, Duration.ofMinutes(20)));
                Files.writeString(file, original);
                bench.run(new ImpactRequest(false, null, null, false, Duration.ofMinutes(20)));
                byFull = !baseline.containsAll(again.failing);
            }
            if (bySelection) {
                caughtBySelection.add(mutation.toString());
            }
            if (byFull) {
                caughtByFull.add(mutation.toString());
            }
            if (byFull && !bySelection) {
                escaped.add(mutation.toString());
            }
            System.out.printf(
                    "[impact java] %s: %d of %d class(es) selected, %.1f s of tests, %.1f s wall; caught by the selection: %s, "
                            + "by the full suite: %s%n",
                    mutation,
                    selected.plan.selected(),
                    selected.plan.known(),
                    selected.testSeconds,
                    selected.millis / 1000.0,
                    bySelection,
                    byFull);
        }
        double wall = measured == 0 ? 0 : (double) selectedMillis / measured / full.millis;
        double tests = measured == 0 || full.testSeconds == 0 ? 0 : selectedTestSeconds / measured / full.testSeconds;
        System.out.printf(
                "[impact java] %d mutants: caught by the selection %d, by the full suite %d, escaped %d; test time saved %.0f%% "
                        + "(%.1f s vs %.1f s of tests a run); wall time %.0f%% of the full run's (%.1f s vs %.1f s, both with Maven's start and compilation)%n",
                measured,
                caughtBySelection.size(),
                caughtByFull.size(),
                escaped.size(),
                (1 - tests) * 100,
                measured == 0 ? 0 : selectedTestSeconds / measured,
                full.testSeconds,
                wall * 100,
                measured == 0 ? 0 : selectedMillis / 1000.0 / measured,
                full.millis / 1000.0);
        assertThat(escaped)
                .as("mutants the full suite caught and the selection did not")
                .isEmpty();
        assertThat(measured).as("mutants measured").isPositive();
    }

    /** A one-operator change on a code line of a method some test ran, per the map. */
    record Mutation(String file, int line, String from, String to) {

        String apply(String text) {
            String[] lines = text.split("\n", -1);
            lines[line - 1] = lines[line - 1].replaceFirst(
                    java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
            return String.join("\n", lines);
        }

        @Override
        public String toString() {
            return file.substring(file.lastIndexOf('/') + 1) + ":" + line + " '" + from.strip() + "'→'" + to.strip()
                    + "'";
        }
    }

    private static List<Mutation> mutations(Path repo, ImpactMap map, Random random) throws Exception {
        Set<String> covered = new TreeSet<>();
        map.tests().values().forEach(test -> covered.addAll(test.blocks()));
        JavaSources sources = JavaSources.of(repo);
        List<Mutation> candidates = new ArrayList<>();
        for (String file : sources.files()) {
            if (!file.startsWith(MODULE + "/src/main/java/") || file.contains("/impact/junit/")) {
                continue;
            }
            SourceBlocks blocks = sources.blocks(file).orElseThrow();
            String[] lines = sources.text(file).orElseThrow().split("\n", -1);
            for (int line = 1; line <= lines.length; line++) {
                String code = lines[line - 1];
                String block = blocks.blockAt(line);
                if (!blocks.functions().contains(block)
                        || !covered.contains(ImpactMap.ref(file, block))
                        || code.contains("\"")
                        || code.strip().startsWith("//")
                        || code.strip().startsWith("*")) {
                    continue;
                }
                for (String[] mutation : MUTATIONS) {
                    if (code.contains(mutation[0])) {
                        candidates.add(new Mutation(file, line, mutation[0], mutation[1]));
                    }
                }
            }
        }
        java.util.Collections.shuffle(candidates, random);
        return candidates;
    }

    /** Maven runs of the module's unit tests by plan, from the clone's root, as local processes; the map in H2. */
    static final class Bench {

        private final Path repo;
        private final Path copies;
        private final ImpactStore store;
        private final MavenImpact impact;

        Bench(Path repo, Path copies) {
            this.repo = repo;
            this.copies = copies;
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:java-impact-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            this.store = new ImpactStore(
                    JdbcClient.create(dataSource), JsonMapper.builder().build());
            this.impact = new MavenImpact(store, Clock.systemUTC(), Duration.ofHours(1));
        }

        java.util.Optional<ImpactMap> map() {
            return store.find(
                    "@" + repo, MavenImpact.TOOL, ChangeDetector.head(repo).orElse(null));
        }

        static final class Run {
            TestPlan plan;
            ToolOutcome outcome;
            Set<String> failing = new TreeSet<>();
            int tests;
            double testSeconds;
            long millis;
        }

        Run run(ImpactRequest request) {
            String runId = UUID.randomUUID().toString();
            ReportDirectory reports = ReportDirectory.create(repo, runId, copies.resolve(runId), 256L * 1024 * 1024);
            Instant started = Instant.now();
            RunContext context = new RunContext(
                    runId,
                    started,
                    new WorkspaceDetector().detect(repo),
                    repo.toString(),
                    ".paradise/reports/" + runId,
                    List.of(),
                    null,
                    new Toolbox(LocalRuns.PYTHON, null, null, null, null, null),
                    false,
                    reports);
            Run run = new Run();
            long start = System.nanoTime();
            run.outcome = impact.run(
                    new ModuleTests(started),
                    context,
                    request,
                    (command, environment, timeout) -> LocalRuns.run(repo, command, environment, timeout),
                    new ImpactListener() {
                        @Override
                        public void planned(TestPlan plan) {
                            run.plan = plan;
                        }

                        @Override
                        public void testFailed(String tool, String testId, String message) {}
                    });
            run.millis = (System.nanoTime() - start) / 1_000_000;
            if (run.outcome.tests() != null) {
                run.tests = run.outcome.tests().size();
                run.testSeconds = run.outcome.tests().stream()
                        .mapToDouble(TestCaseResult::durationSeconds)
                        .sum();
                run.outcome.tests().stream().filter(TestCaseResult::failing).forEach(t -> run.failing.add(t.key()));
            }
            return run;
        }

        /** The module's unit tests with JaCoCo, offline (the sibling modules come from the local repository). */
        private final class ModuleTests implements ToolRunner {

            private final Instant started;

            ModuleTests(Instant started) {
                this.started = started;
            }

            @Override
            public String tool() {
                return MavenImpact.TOOL;
            }

            @Override
            public ToolCategory category() {
                return ToolCategory.UNIT;
            }

            @Override
            public boolean appliesTo(RunContext context) {
                return true;
            }

            @Override
            public List<String> command(RunContext context) {
                return List.of(
                        repo.resolve("mvnw").toString(),
                        "-B",
                        "-o",
                        "-q",
                        "--no-transfer-progress",
                        "-pl",
                        MODULE,
                        "-Dmaven.test.failure.ignore=true",
                        "org.jacoco:jacoco-maven-plugin:0.8.15:prepare-agent",
                        "test");
            }

            @Override
            public String installHint() {
                return "";
            }

            @Override
            public ToolOutcome collect(RunContext context, ExecResult result) {
                if (result.exitCode() != 0) {
                    return ToolOutcome.error(
                            tool(), category(), result.durationMillis(), "maven exited " + result.exitCode());
                }
                List<TestCaseResult> tests = new ArrayList<>();
                FileTime since = FileTime.from(started);
                try (Stream<Path> reports = Files.list(repo.resolve(MODULE + "/target/surefire-reports"))) {
                    for (Path report : reports.filter(
                                    f -> f.getFileName().toString().startsWith("TEST-"))
                            .toList()) {
                        if (Files.getLastModifiedTime(report).compareTo(since) >= 0) {
                            tests.addAll(new JunitXmlParser().parse(report));
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                boolean failed = tests.stream().anyMatch(TestCaseResult::failing);
                return ToolOutcome.tests(
                        tool(),
                        category(),
                        failed ? ToolStatus.FAILED : ToolStatus.PASSED,
                        result.durationMillis(),
                        tests,
                        null);
            }
        }
    }
}

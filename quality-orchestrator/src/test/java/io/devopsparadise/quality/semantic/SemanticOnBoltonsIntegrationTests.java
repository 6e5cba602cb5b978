package io.devopsparadise.quality.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.SemanticAnalysis;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.testsupport.CodeBackendProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The semantic step on a real repository: boltons, cloned from ../shared/corpora, served by the real code backend
 * (lsmcp with pyright). A change to {@code _make_quote_map} (a function whose every textual occurrence is code) must be
 * described as touching it, and its references must be exactly what {@code grep -w} finds, its declaration left out.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SemanticOnBoltonsIntegrationTests {

    private static final Path CORPORA =
            Path.of("../../shared/corpora").toAbsolutePath().normalize();
    private static final String FILE = "boltons/urlutils.py";
    private static final String SYMBOL = "_make_quote_map";

    @TempDir
    Path dir;

    @Test
    void aChangedFunctionIsDescribedWithTheReferencesGrepFinds() throws Exception {
        Path boltons = dir.resolve("boltons");
        run(dir, "git", "clone", "-q", CORPORA.resolve("boltons.bundle").toString(), boltons.toString());
        String head = run(boltons, "git", "rev-parse", "HEAD").strip();
        int declaration = insertAfterDeclaration(boltons.resolve(FILE));
        Set<String> grepped = run(boltons, "grep", "-rnw", "--include=*.py", SYMBOL, ".")
                .lines()
                .map(l -> l.substring(2, l.indexOf(':', l.indexOf(':') + 1)))
                .collect(Collectors.toSet());
        grepped.remove(FILE + ":" + declaration);

        SemanticResult result;
        try (CodeBackendProcess backend = CodeBackendProcess.start(boltons)) {
            SemanticLimits limits = new SemanticLimits(
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(60),
                    DataSize.ofMegabytes(1),
                    Duration.ofMinutes(4),
                    3,
                    3,
                    200,
                    10,
                    200);
            result =
                    new SemanticAnalyzer(limits, Clock.systemUTC()).analyze(backend.mcpUrl(), boltons, head, List.of());
        }

        SemanticAnalysis analysis = result.analysis();
        assertThat(analysis.skipped()).isNull();
        assertThat(analysis.backend()).isEqualTo("lsmcp");
        assertThat(analysis.baseCommit()).isEqualTo(head);
        SemanticAnalysis.ChangedSymbol changed = analysis.changedSymbols().stream()
                .filter(s -> s.name().equals(SYMBOL))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the change to " + SYMBOL + " is not described: " + analysis));
        assertThat(changed.file()).isEqualTo(FILE);
        assertThat(changed.kind()).isEqualTo("Function");
        assertThat(changed.startLine()).isEqualTo(declaration);
        assertThat(changed.changedLines()).containsExactly(declaration + 1);
        assertThat(changed.references())
                .extracting(r -> r.file() + ":" + r.line())
                .containsExactlyInAnyOrderElementsOf(grepped);
        assertThat(grepped).hasSize(4);
        assertThat(analysis.changedSymbols())
                .allSatisfy(s -> assertThat(s.file()).isEqualTo(FILE));

        assertThat(result.outcome().status()).isEqualTo(ToolStatus.PASSED);
        assertThat(result.outcome().detail()).contains("checked 3 of ");
        assertThat(analysis.overview()).hasSize(3);
        assertThat(analysis.overview().get(0).file()).as("changed files first").isEqualTo(FILE);
        assertThat(analysis.overview().get(0).symbols())
                .anySatisfy(s -> assertThat(s.name()).isEqualTo(SYMBOL));
        assertThat(analysis.notes()).anySatisfy(n -> assertThat(n).contains("max-files"));
    }

    /** Adds a statement after the function's def line; answers the def line. */
    private static int insertAfterDeclaration(Path file) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("def " + SYMBOL + "(")) {
                lines.add(i + 1, "    assert safe_chars is not None");
                Files.write(file, lines, StandardCharsets.UTF_8);
                return i + 1;
            }
        }
        throw new AssertionError("boltons has no " + SYMBOL + " in " + file);
    }

    private static String run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}

package io.devopsparadise.instances.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.testsupport.Fuzz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the workspace guard: whatever string or walk through a tree full of links it is given, it either
 * refuses with one of its two exceptions or answers a real directory strictly below the root that neither
 * contains nor lies inside a guarded directory. Inputs that once broke it are replayed by
 * {@link WorkspacePolicyTests} from {@code fuzz-regressions/workspace-policy/}. A short run in the build;
 * {@code bench/fuzz/instance-manager.sh} passes a long {@code -Dfuzz.tries}.
 */
class WorkspacePolicyFuzzTests {

    private static final List<String> SEGMENTS = List.of(
            "projects",
            "app",
            "src",
            ".ssh",
            ".aws",
            ".config",
            "gcloud",
            ".devops-paradise",
            "reports",
            "vault",
            "..",
            ".",
            "",
            "link-home",
            "link-ssh",
            "link-data",
            "link-app",
            "link-up",
            "missing");

    private static final int BUILD_TRIES = 500;

    private static Path tree;
    private static Path home;
    private static List<Path> guarded;
    private static WorkspacePolicy policy;

    @BeforeAll
    static void buildTree() throws IOException {
        tree = Files.createTempDirectory("workspace-fuzz");
        home = Files.createDirectories(tree.resolve("home")).toRealPath();
        for (String dir :
                List.of(".devops-paradise/reports", ".ssh", ".aws", ".config/gcloud", "projects/app/src", "vault")) {
            Files.createDirectories(home.resolve(dir));
        }
        Files.createSymbolicLink(home.resolve("projects/link-home"), home);
        Files.createSymbolicLink(home.resolve("projects/link-ssh"), home.resolve(".ssh"));
        Files.createSymbolicLink(home.resolve("projects/app/link-data"), home.resolve(".devops-paradise/reports"));
        Files.createSymbolicLink(home.resolve("projects/app/link-app"), home.resolve("projects/app"));
        Files.createSymbolicLink(home.resolve("projects/app/src/link-up"), tree);
        guarded = Stream.of(".devops-paradise", ".ssh", ".aws", ".config/gcloud", "vault")
                .map(home::resolve)
                .toList();
        policy = new WorkspacePolicy(
                List.of(home), home.resolve(".devops-paradise"), home, List.of(home.resolve("vault")));
    }

    @AfterAll
    static void removeTree() throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void anyStringIsAcceptedSafelyOrRefusedCleanly() {
        Fuzz.forAll(
                BUILD_TRIES,
                random -> random.nextBoolean() ? Fuzz.string(random, 80) : home + "/" + Fuzz.string(random, 40),
                WorkspacePolicyFuzzTests::assertSafe);
    }

    @Test
    void anyWalkThroughTheTreeIsAcceptedSafelyOrRefusedCleanly() {
        Fuzz.forAll(BUILD_TRIES, WorkspacePolicyFuzzTests::walk, WorkspacePolicyFuzzTests::assertSafe);
    }

    private static String walk(Random random) {
        return home + "/"
                + IntStream.range(0, random.nextInt(8))
                        .mapToObj(i -> SEGMENTS.get(random.nextInt(SEGMENTS.size())))
                        .collect(Collectors.joining("/"));
    }

    private static void assertSafe(String workspace) {
        Path accepted;
        try {
            accepted = policy.check(workspace);
        } catch (InvalidRequestException | WorkspaceNotAllowedException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(accepted).isDirectory().startsWith(home).isNotEqualTo(home);
        assertThat(accepted.toString()).isEqualTo(real(accepted).toString());
        for (Path secret : guarded) {
            assertThat(accepted.startsWith(secret) || secret.startsWith(accepted))
                    .as("%s overlaps %s", accepted, secret)
                    .isFalse();
        }
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

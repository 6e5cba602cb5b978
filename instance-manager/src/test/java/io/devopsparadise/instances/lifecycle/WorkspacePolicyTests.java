package io.devopsparadise.instances.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The workspace rules as a table, on a real directory tree: {@code home} is the allowed root and the user's
 * home, {@code home/.devops-paradise} the data directory, {@code /vault} (under the tree) an extra secret.
 */
class WorkspacePolicyTests {

    @TempDir
    Path tree;

    private Path home;
    private WorkspacePolicy policy;

    @BeforeEach
    void buildTree() throws Exception {
        home = Files.createDirectories(tree.resolve("home")).toRealPath();
        for (String dir : List.of(
                ".devops-paradise/reports",
                ".ssh",
                ".gnupg",
                ".aws",
                ".config/gcloud",
                ".config/other",
                "projects/app/src",
                "vault/inner",
                "elsewhere")) {
            Files.createDirectories(home.resolve(dir));
        }
        Files.createSymbolicLink(home.resolve("projects/link-home"), home);
        Files.createSymbolicLink(home.resolve("projects/link-data"), home.resolve(".devops-paradise"));
        Files.createSymbolicLink(home.resolve("projects/link-ssh"), home.resolve(".ssh"));
        Files.createSymbolicLink(home.resolve("projects/link-app"), home.resolve("projects/app"));
        Files.createSymbolicLink(home.resolve("projects/link-out"), tree);
        policy = new WorkspacePolicy(
                List.of(home), home.resolve(".devops-paradise"), home, List.of(home.resolve("vault")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "'',                            inside-allowed-root",
        ".devops-paradise,              outside-data-directory",
        ".devops-paradise/reports,      outside-data-directory",
        ".ssh,                          outside-secret-directories",
        ".gnupg,                        outside-secret-directories",
        ".aws,                          outside-secret-directories",
        ".config,                       outside-secret-directories",
        ".config/gcloud,                outside-secret-directories",
        "vault/inner,                   outside-secret-directories",
        "projects/link-home,            inside-allowed-root",
        "projects/link-data,            outside-data-directory",
        "projects/link-ssh,             outside-secret-directories",
        "projects/link-out,             inside-allowed-root",
        "projects/link-home/.ssh,       outside-secret-directories",
        "projects/../.ssh,              outside-secret-directories",
    })
    void refuses(String workspace, String rule) {
        assertThatThrownBy(() -> policy.check(home.resolve(workspace).toString()))
                .isInstanceOfSatisfying(
                        WorkspaceNotAllowedException.class,
                        e -> assertThat(e.rule().id()).isEqualTo(rule))
                .hasMessageContaining("rule " + rule);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "projects/app,           projects/app",
        "projects/app/src,       projects/app/src",
        "projects/link-app,      projects/app",
        ".config/other,          .config/other",
        "elsewhere/,             elsewhere",
    })
    void acceptsAWorkspaceAsItsRealPath(String workspace, String real) {
        assertThat(policy.check(home.resolve(workspace).toString())).isEqualTo(home.resolve(real));
    }

    @ParameterizedTest
    @CsvSource({"relative/dir, absolute path", "/no/such/dir, does not exist", "' ', is required"})
    void refusesWhatIsNoWorkspaceAtAll(String workspace, String message) {
        assertThatThrownBy(() -> policy.check(workspace))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void inputsThatOnceBrokeTheGuardAreRefusedCleanly() throws Exception {
        try (var inputs = Files.list(Path.of("src/test/resources/fuzz-regressions/workspace-policy"))) {
            List<Path> files = inputs.toList();
            assertThat(files).isNotEmpty();
            for (Path file : files) {
                String input = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
                assertThatThrownBy(() -> policy.check(input))
                        .as(file.getFileName().toString())
                        .isInstanceOfAny(InvalidRequestException.class, WorkspaceNotAllowedException.class);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aWorkspaceReplacedByALinkIsRefusedAtTheNextStart() throws Exception {
        Path workspace = policy.check(home.resolve("elsewhere").toString());
        Files.delete(workspace);
        Files.createSymbolicLink(workspace, home.resolve("projects/app"));

        assertThatThrownBy(() -> policy.recheck(workspace))
                .isInstanceOfSatisfying(
                        WorkspaceNotAllowedException.class,
                        e -> assertThat(e.rule()).isEqualTo(WorkspaceRule.UNCHANGED_SINCE_PROVISIONING));
    }
}

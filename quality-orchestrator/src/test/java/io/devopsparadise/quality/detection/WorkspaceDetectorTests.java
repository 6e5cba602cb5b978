package io.devopsparadise.quality.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceDetectorTests {

    @TempDir
    Path root;

    private void touch(String path) throws Exception {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), "");
    }

    private DetectedWorkspace aWorkspaceOfFourStacksWithDependencyFolders() throws Exception {
        touch("pom.xml");
        touch("package.json");
        touch("src/tests/test_api.py");
        touch("scripts/deploy.sh");
        touch("node_modules/pkg/install.sh");
        touch(".paradise/reports/r1/x.py");
        return new WorkspaceDetector().detect(root);
    }

    @Test
    void recognizesStacksFromTheirFiles() throws Exception {
        assertThat(aWorkspaceOfFourStacksWithDependencyFolders().stacks())
                .containsExactlyInAnyOrder("maven", "javascript", "python", "shell");
    }

    @Test
    void skipsDependencyFolders() throws Exception {
        DetectedWorkspace workspace = aWorkspaceOfFourStacksWithDependencyFolders();

        assertThat(workspace.shellScripts()).containsExactly("scripts/deploy.sh");
        assertThat(workspace.pythonFiles()).containsExactly("src/tests/test_api.py");
    }

    @Test
    void recognizesTheToolsAJavaScriptWorkspaceUses() throws Exception {
        Files.writeString(root.resolve("package.json"), "{\"scripts\":{\"test\":\"jest --ci\"}}");
        touch("package-lock.json");
        touch("playwright.config.ts");
        touch("api/shop.postman_collection.json");
        touch("api/local.postman_environment.json");
        touch("pom.xml");
        touch("mvnw");

        DetectedWorkspace workspace = new WorkspaceDetector().detect(root);

        assertThat(workspace.stacks())
                .containsExactlyInAnyOrder(
                        "javascript", "jest", "npm-lock", "playwright", "newman", "maven", "maven-wrapper");
        assertThat(workspace.collections())
                .containsExactly("api/local.postman_environment.json", "api/shop.postman_collection.json");
    }

    @Test
    void aPackageWithoutJestOrWithABrokenManifestDoesNotRunJest() throws Exception {
        Files.writeString(root.resolve("package.json"), "{\"dependencies\":{\"jester\":\"1.0.0\"}}");
        assertThat(new WorkspaceDetector().detect(root).stacks()).containsExactly("javascript");

        Files.writeString(root.resolve("package.json"), "{\"devDependencies\":");
        assertThat(new WorkspaceDetector().detect(root).stacks()).containsExactly("javascript");
    }

    @Test
    void anEmptyWorkspaceHasNoStack() {
        assertThat(new WorkspaceDetector().detect(root).stacks()).isEmpty();
    }

    @Test
    void readsWhatTheProjectConfiguresForItsOwnTools() throws Exception {
        Files.writeString(
                root.resolve("tox.ini"), "[testenv]\ncommands = pytest --doctest-modules {tox_root}/tests {posargs}\n");
        Files.writeString(root.resolve(".pylintrc"), "[MAIN]\n");
        touch("tests/test_api.py");

        DetectedWorkspace workspace = new WorkspaceDetector().detect(root);

        assertThat(workspace.rules().configuredLinters()).containsExactly("pylint");
        assertThat(workspace.rules().pytestArgs()).containsExactly("--doctest-modules", "tests");
    }
}

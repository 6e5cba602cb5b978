package io.devopsparadise.quality.detection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceDetectorTests {

    @TempDir
    Path root;

    private void touch(String path) throws Exception {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), "");
    }

    @Test
    void recognizesStacksFromTheirFilesAndSkipsDependencyFolders() throws Exception {
        touch("pom.xml");
        touch("package.json");
        touch("src/tests/test_api.py");
        touch("scripts/deploy.sh");
        touch("node_modules/pkg/install.sh");
        touch(".paradise/reports/r1/x.py");

        DetectedWorkspace workspace = new WorkspaceDetector().detect(root);

        assertThat(workspace.stacks()).containsExactlyInAnyOrder("maven", "javascript", "python", "shell");
        assertThat(workspace.shellScripts()).containsExactly("scripts/deploy.sh");
        assertThat(workspace.pythonFiles()).containsExactly("src/tests/test_api.py");
    }

    @Test
    void anEmptyWorkspaceHasNoStack() {
        assertThat(new WorkspaceDetector().detect(root).stacks()).isEmpty();
    }
}

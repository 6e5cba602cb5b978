package io.devopsparadise.quality.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangedFilesTests {

    private final Path workspace = Path.of("/home/dev/shop");

    @Test
    void aChangedPathLeadingOutOfTheWorkspaceIsDroppedWithTheReason() {
        ChangedFiles files = ChangedFiles.confine(
                workspace,
                Arrays.asList(
                        "../../etc/passwd",
                        "/etc/passwd",
                        "src/../../x.py",
                        "src/./app.py",
                        "",
                        null,
                        "a\nb.py",
                        "-rf.py"));

        assertThat(files.kept()).containsExactly("src/app.py", "-rf.py");
        assertThat(files.dropped())
                .containsExactly(
                        "changed file '../../etc/passwd' dropped: it leads outside the workspace",
                        "changed file '/etc/passwd' dropped: it is absolute; give paths relative to the workspace",
                        "changed file 'src/../../x.py' dropped: it leads outside the workspace",
                        "changed file '' dropped: it is empty",
                        "changed file '' dropped: it is empty",
                        "changed file 'a?b.py' dropped: it holds control characters");
    }

    @Test
    void noChangedFilesMeansTheWholeWorkspace() {
        assertThat(ChangedFiles.confine(workspace, null)).isEqualTo(new ChangedFiles(List.of(), List.of()));
    }
}

package io.devopsparadise.quality.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source file's test file by naming, found only among the workspace's plain files. */
class TestHomesTests {

    @TempDir
    Path workspace;

    @TempDir
    Path elsewhere;

    @Test
    void eachLanguagesConventionIsFollowed() throws Exception {
        write("tests/test_strutils.py");
        write("src/test/java/shop/CartTest.java");
        write("web/cart.test.js");
        write("test_calc.py");

        assertThat(TestHomes.byNaming(workspace, "boltons/strutils.py")).contains("tests/test_strutils.py");
        assertThat(TestHomes.byNaming(workspace, "src/main/java/shop/Cart.java"))
                .contains("src/test/java/shop/CartTest.java");
        assertThat(TestHomes.byNaming(workspace, "web/cart.js")).contains("web/cart.test.js");
        assertThat(TestHomes.byNaming(workspace, "calc.py")).contains("test_calc.py");
        assertThat(TestHomes.byNaming(workspace, "boltons/iterutils.py")).isEmpty();
    }

    @Test
    void aLinkOrAPathOutsideIsNoTestFile() throws Exception {
        Files.writeString(elsewhere.resolve("test_secret.py"), "");
        Files.createDirectories(workspace.resolve("tests"));
        Files.createSymbolicLink(workspace.resolve("tests/test_secret.py"), elsewhere.resolve("test_secret.py"));

        assertThat(TestHomes.byNaming(workspace, "pkg/secret.py")).isEmpty();
        assertThat(TestHomes.byNaming(workspace, "../x/secret.py")).isEmpty();
    }

    private void write(String file) throws Exception {
        Files.createDirectories(workspace.resolve(file).getParent());
        Files.writeString(workspace.resolve(file), "");
    }
}

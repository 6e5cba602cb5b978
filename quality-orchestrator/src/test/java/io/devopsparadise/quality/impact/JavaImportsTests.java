package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uses the import graph sees, each on real files in a workspace. */
class JavaImportsTests {

    @TempDir
    Path workspace;

    @Test
    void aWildcardImportOfAClassesMembersIsAUseEvenInAFileWithNoOtherImport() throws Exception {
        write(
                "src/main/java/shop/Rates.java",
                "package shop;\n\npublic final class Rates {\n    public static final class Vat {\n    }\n}\n");
        write(
                "src/test/java/other/VatTest.java",
                "package other;\n\nimport shop.Rates.*;\n\nclass VatTest {\n    Vat vat;\n}\n");
        write("src/test/java/other/UnrelatedTest.java", "package other;\n\nclass UnrelatedTest {\n}\n");

        ImportGraph graph = JavaImports.of(JavaSources.of(workspace));

        assertThat(graph.dependents("src/main/java/shop/Rates.java"))
                .containsExactly("src/test/java/other/VatTest.java");
    }

    /** The files that use shop.Tax, in a workspace holding it and the one file given. */
    private java.util.Collection<String> dependentsOfTaxBeside(String file, String text) throws Exception {
        write("src/main/java/shop/Tax.java", "package shop;\n\npublic final class Tax {\n}\n");
        write(file, text);
        return JavaImports.of(JavaSources.of(workspace)).dependents("src/main/java/shop/Tax.java");
    }

    @Test
    void aNameInTheSamePackageIsAUse() throws Exception {
        assertThat(dependentsOfTaxBeside(
                        "src/test/java/shop/SamePackageTest.java",
                        "package shop;\n\nclass SamePackageTest {\n    Tax tax;\n}\n"))
                .containsExactly("src/test/java/shop/SamePackageTest.java");
    }

    @Test
    void aQualifiedNameIsAUse() throws Exception {
        assertThat(dependentsOfTaxBeside(
                        "src/test/java/other/QualifiedTest.java",
                        "package other;\n\nclass QualifiedTest {\n    shop.Tax tax;\n}\n"))
                .containsExactly("src/test/java/other/QualifiedTest.java");
    }

    @Test
    void anImportIsAUse() throws Exception {
        assertThat(dependentsOfTaxBeside(
                        "src/test/java/other/ImportedTest.java",
                        "package other;\n\nimport shop.Tax;\n\nclass ImportedTest {\n}\n"))
                .containsExactly("src/test/java/other/ImportedTest.java");
    }

    @Test
    void theSameWordElsewhereIsNoUse() throws Exception {
        assertThat(dependentsOfTaxBeside(
                        "src/test/java/other/WordOnlyTest.java",
                        "package other;\n\nclass WordOnlyTest {\n    String Tax = \"x\";\n}\n"))
                .isEmpty();
    }

    private void write(String file, String text) throws Exception {
        Files.createDirectories(workspace.resolve(file).getParent());
        Files.writeString(workspace.resolve(file), text);
    }
}

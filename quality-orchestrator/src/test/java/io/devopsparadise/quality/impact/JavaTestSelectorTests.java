package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java safety rules, on the Maven fixture in a real Git workspace and an impact map as per-class JaCoCo coverage
 * measures it there: which test classes a change selects, and why.
 */
class JavaTestSelectorTests {

    private static final Map<String, String> ENVIRONMENT =
            Map.of("maven", "Apache Maven 3.8.7", "java", "Java version: 17");
    private static final String DISCOUNT_TEST = "src/test/java/shop/DiscountTest.java";
    private static final String CART_TEST = "src/test/java/shop/CartTest.java";
    private static final String TAX_TEST = "src/test/java/shop/TaxTest.java";
    private static final String DISCOUNT = "src/main/java/shop/Discount.java";
    private static final String CART = "src/main/java/shop/Cart.java";
    private static final String TAX = "src/main/java/shop/Tax.java";

    @TempDir
    Path workspace;

    private Git git;
    private ImpactMap measured;

    @BeforeEach
    void workspaceWithTests() throws Exception {
        Fixtures.copy(Path.of("src/test/resources/fixtures/java-impact-project").toAbsolutePath(), workspace);
        Files.writeString(workspace.resolve("README.md"), "shop\n");
        git = Git.init()
                .setDirectory(workspace.toFile())
                .setInitialBranch("main")
                .call();
        git.add().addFilepattern(".").call();
        String commit = git.commit()
                .setMessage("shop")
                .setAuthor("t", "t@t")
                .setCommitter("t", "t@t")
                .setSign(false)
                .call()
                .getName();
        measured = map(commit, Set.of());
    }

    /** Who ran what, as the probe's per-class coverage says on this fixture. */
    private ImpactMap map(String commit, Set<String> failedLast) {
        JavaSources sources = JavaSources.of(workspace);
        Map<String, ImpactMap.TestRecord> tests = new HashMap<>();
        test(
                tests,
                DISCOUNT_TEST,
                failedLast,
                DISCOUNT + "::Discount.percentOff(int,int)",
                DISCOUNT + "::Discount.clamp(int)");
        test(
                tests,
                CART_TEST,
                failedLast,
                CART + "::Cart",
                CART + "::Cart.add(int)",
                CART + "::Cart.total(int)",
                CART + "::Cart.count()",
                DISCOUNT + "::Discount.percentOff(int,int)");
        test(tests, TAX_TEST, failedLast, TAX + "::Tax.of(int)");
        return new ImpactMap(commit, ENVIRONMENT, sources.checksums(), tests, Set.of(), 2_000, Instant.now());
    }

    private static void test(
            Map<String, ImpactMap.TestRecord> tests, String file, Set<String> failedLast, String... blocks) {
        tests.put(
                file,
                new ImpactMap.TestRecord(file, Set.of(blocks), 50, 2, 0, failedLast.contains(file), Instant.now()));
    }

    private Selection select(ImpactMap map) {
        return JavaTestSelector.select(new JavaTestSelector.Input(
                Optional.of(map),
                ENVIRONMENT,
                Optional.of(List.of(
                        ChangeDetector.sinceCommit(workspace, map.commit()).orElseThrow())),
                null,
                JavaSources.of(workspace)));
    }

    private Selection select() {
        return select(measured);
    }

    @Test
    void anEditedMethodSelectsTheTestClassesThatRanIt() throws Exception {
        edit(DISCOUNT, "return Math.max(0, price);", "return Math.max(1, price);");
        Selection clamp = select();

        assertThat(clamp.paths()).containsExactly(DISCOUNT_TEST);
        assertThat(clamp.changedRefs()).containsExactly(DISCOUNT + "::Discount.clamp(int)");
        assertThat(clamp.reasons()).contains("1 test class(es) ran " + DISCOUNT + "::Discount.clamp(int)");

        edit(DISCOUNT, "price * percent / 100", "price * percent / 1000");
        assertThat(select().paths()).containsExactlyInAnyOrder(DISCOUNT_TEST, CART_TEST);
    }

    @Test
    void aFieldOrAnAddedMethodSelectsEveryTestClassThatUsesTheClassEvenThroughAnother() throws Exception {
        edit(TAX, "RATE = 20", "RATE = 21");
        Selection field = select();

        assertThat(field.paths()).containsExactly(TAX_TEST);
        assertThat(field.reasons())
                .anySatisfy(r -> assertThat(r).contains("what the class gives changed (" + TAX + "::Tax)"));

        git.checkout().setAllPaths(true).call();
        edit(
                DISCOUNT,
                "    public static int clamp",
                "    public static int half(int price) {\n        return price / 2;\n    }\n\n    public static int clamp");
        assertThat(select().paths())
                .as("CartTest uses Discount through Cart")
                .containsExactlyInAnyOrder(DISCOUNT_TEST, CART_TEST);
    }

    /** A new class Fee, a new FeeTest that uses it, and a new integration test class. */
    private void addFeeWithATestClass() throws Exception {
        Files.writeString(
                workspace.resolve("src/main/java/shop/Fee.java"),
                "package shop;\n\npublic final class Fee {\n    public static int of(int p) {\n"
                        + "        return 1;\n    }\n}\n");
        Files.writeString(
                workspace.resolve("src/test/java/shop/FeeTest.java"),
                "package shop;\n\nclass FeeTest {\n    @org.junit.jupiter.api.Test\n"
                        + "    void one() {\n        org.junit.jupiter.api.Assertions.assertEquals(1, Fee.of(3));\n    }\n}\n");
        Files.writeString(
                workspace.resolve("src/test/java/shop/FeeIntegrationTests.java"),
                "package shop;\n\nclass FeeIntegrationTests {\n}\n");
    }

    @Test
    void aNewTestClassRunsItself() throws Exception {
        addFeeWithATestClass();

        Selection selection = select();

        assertThat(selection.paths()).containsExactly("src/test/java/shop/FeeTest.java");
        assertThat(selection.reasons()).contains("new test class: src/test/java/shop/FeeTest.java");
    }

    @Test
    void aClassNoTestMeasuresSelectsItsUsers() throws Exception {
        addFeeWithATestClass();

        Selection selection = select();

        assertThat(selection.reasons())
                .anySatisfy(r -> assertThat(r)
                        .contains("no test coverage measures src/main/java/shop/Fee.java: 1 test class(es) use it"));
    }

    @Test
    void aBuildFileRunsEverything() throws Exception {
        edit("pom.xml", "<version>1.0.0</version>", "<version>1.0.1</version>");

        assertThat(select().runAll()).isTrue();
        assertThat(select().reasons().get(0)).contains("build, configuration or dependency file changed (pom.xml)");
    }

    @Test
    void aResourceFileRunsEverything() throws Exception {
        Files.createDirectories(workspace.resolve("src/main/resources"));
        Files.writeString(workspace.resolve("src/main/resources/rates.properties"), "vat=20\n");

        assertThat(select().reasons().get(0))
                .contains("resource, data or script file changed (src/main/resources/rates.properties)");
    }

    @Test
    void documentationOrJavadocRunsNothing() throws Exception {
        edit("README.md", "shop", "the shop");
        edit(TAX, "/** Value-added tax. */", "/** Value-added tax, a fifth. */");
        Selection documentation = select();
        assertThat(documentation.isEmpty()).isTrue();
        assertThat(documentation.reasons())
                .contains(
                        "documentation only, no test reads it: README.md",
                        "only comments or Javadoc changed in " + TAX + ": no behaviour changed");
    }

    @Test
    void aChangedTestClassRunsItself() throws Exception {
        edit(CART_TEST, "assertEquals(2, ", "assertEquals(2 , ");

        Selection selection = select();

        assertThat(selection.paths()).containsExactly(CART_TEST);
        assertThat(selection.reasons()).contains("test class changed: " + CART_TEST);
    }

    @Test
    void testClassesThatFailedLastTimeRunAgain() throws Exception {
        ImpactMap failed = map(measured.commit(), Set.of(TAX_TEST));
        edit(CART_TEST, "assertEquals(2, ", "assertEquals(2 , ");

        Selection selection = select(failed);

        assertThat(selection.paths()).containsExactlyInAnyOrder(CART_TEST, TAX_TEST);
        assertThat(selection.reasons()).contains("1 test class(es) failed last time and run again");
    }

    private void edit(String file, String from, String to) throws Exception {
        String text = Files.readString(workspace.resolve(file));
        assertThat(text).contains(from);
        Files.writeString(workspace.resolve(file), text.replace(from, to));
    }
}

package io.devopsparadise.quality.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.quality.insights.hotspots.EslintComplexity;
import io.devopsparadise.quality.insights.hotspots.FileComplexity;
import io.devopsparadise.quality.insights.hotspots.PmdComplexity;
import io.devopsparadise.testsupport.RepoPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Complexity by the real tools of Java and JavaScript: PMD's CyclomaticComplexity rule (in-process) and ESLint's complexity
 * rule (npm's ESLint, as the instance runs it), on files written for the test with known branches.
 */
class JavaAndJavaScriptComplexityTests {

    @TempDir
    Path workspace;

    /** Cart.java beside generated build output and a link out of the workspace, measured by PMD. */
    private Map<String, FileComplexity> measureACartBesideBuildOutputAndALink() throws Exception {
        Files.createDirectories(workspace.resolve("src/main/java/shop"));
        Files.writeString(workspace.resolve("src/main/java/shop/Cart.java"), """
                package shop;

                class Cart {
                    private final int size;

                    Cart(int size) {
                        this.size = size > 0 ? size : 0;
                    }

                    int total(int[] prices) {
                        int total = 0;
                        for (int price : prices) {
                            if (price > 100 && size > 1) {
                                total += price - 10;
                            } else {
                                total += price;
                            }
                        }
                        return total;
                    }

                    int size() {
                        return size;
                    }
                }
                """);
        Files.createDirectories(workspace.resolve("target/generated"));
        Files.writeString(workspace.resolve("target/generated/Gen.java"), "class Gen { void g() { } }\n");
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("Secret.java"), "class Secret { void s() { } }\n");
        Files.createSymbolicLink(workspace.resolve("src/main/java/shop/Secret.java"), outside.resolve("Secret.java"));

        return PmdComplexity.measure(workspace);
    }

    @Test
    void pmdMeasuresOnlyTheWorkspacesOwnSources() throws Exception {
        assertThat(measureACartBesideBuildOutputAndALink()).containsOnlyKeys("src/main/java/shop/Cart.java");
    }

    @Test
    void pmdMeasuresEveryMethodOrConstructor() throws Exception {
        assertThat(measureACartBesideBuildOutputAndALink()
                        .get("src/main/java/shop/Cart.java")
                        .functions())
                .extracting(f -> f.function() + "=" + f.complexity())
                .containsExactlyInAnyOrder("Cart(int)=2", "total(int[])=4", "size()=1");
    }

    @Test
    void eslintMeasuresEveryFunctionWithoutTheProjectsConfiguration() throws Exception {
        Files.writeString(workspace.resolve("cart.js"), """
                function total(items) {
                  let sum = 0;
                  for (const item of items) {
                    if (item.price > 100) {
                      sum += item.price - 10;
                    } else {
                      sum += item.price;
                    }
                  }
                  return sum;
                }
                const plain = () => 1;
                module.exports = { total, plain };
                """);
        Files.writeString(
                workspace.resolve("eslint.config.js"), "module.exports = [{ rules: { 'no-undef': 'error' } }];\n");
        Process eslint = new ProcessBuilder(
                        EslintComplexity.command(RepoPaths.nodeModules().toString()))
                .directory(workspace.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(eslint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(eslint.waitFor(1, TimeUnit.MINUTES)).isTrue();

        Map<String, FileComplexity> measured = EslintComplexity.parse(output, workspace.toString());

        assertThat(measured.get("cart.js").functions())
                .extracting(f -> f.function() + "=" + f.complexity())
                .containsExactlyInAnyOrder("Function 'total'=3", "Arrow function=1");
        assertThat(output).as("only the complexity rule ran").doesNotContain("no-undef");
    }
}

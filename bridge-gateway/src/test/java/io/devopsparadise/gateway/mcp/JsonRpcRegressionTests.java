package io.devopsparadise.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Replays every input under {@code fuzz-regressions/jsonrpc/}: bodies that once broke the parsing, kept for good. */
class JsonRpcRegressionTests {

    @TestFactory
    Stream<DynamicTest> everyKeptInputParsesOrFailsWithAJsonRpcError() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/fuzz-regressions/jsonrpc").toURI());
        var files = Files.list(dir).sorted().toList();
        assertThat(files).isNotEmpty();
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(
                        file.getFileName().toString(),
                        () -> JsonRpcFuzzTests.parsesOrFailsWithAJsonRpcError(Files.readAllBytes(file))));
    }
}

package io.devopsparadise.quality.semantic;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * A client's instance as the semantic step finds it: it speaks one of the known tool sets, or it does not (an
 * {@code everything} test backend, an instance that does not answer), and then the step is skipped for that reason.
 */
public sealed interface CodeBackend extends AutoCloseable permits CodeBackend.Connected, CodeBackend.Unavailable {

    /**
     * Connects to the instance's MCP endpoint and picks the adapter its tools/list allows: lsmcp's tools when it has
     * them (they give diagnostics), else Serena's.
     */
    static CodeBackend connect(URI mcpUrl, SemanticLimits limits) {
        if (mcpUrl == null) {
            return new Unavailable("the instance names no MCP endpoint");
        }
        McpTools tools;
        try {
            tools = McpTools.connect(mcpUrl, limits);
        } catch (SemanticBackendException e) {
            return new Unavailable(e.getMessage());
        }
        Set<String> names = tools.names();
        if (names.containsAll(LsmcpIntelligence.TOOLS)) {
            return new Connected(new LsmcpIntelligence(tools), tools);
        }
        if (names.containsAll(SerenaIntelligence.TOOLS)) {
            return new Connected(new SerenaIntelligence(tools, limits.maxSymbolsPerFile()), tools);
        }
        tools.close();
        return new Unavailable(whyNoCodeTools(names).orElseThrow());
    }

    /** Why an instance offering these tools cannot be asked about code; empty when it has lsmcp's or Serena's tools. */
    static Optional<String> whyNoCodeTools(Set<String> names) {
        if (names.containsAll(LsmcpIntelligence.TOOLS) || names.containsAll(SerenaIntelligence.TOOLS)) {
            return Optional.empty();
        }
        return Optional.of(
                "the instance offers no semantic code tools (neither lsmcp's " + sorted(LsmcpIntelligence.TOOLS)
                        + " nor Serena's " + sorted(SerenaIntelligence.TOOLS) + "); its profile serves other tools");
    }

    @Override
    void close();

    /** A session with the instance, through the adapter its tools allow. */
    record Connected(CodeIntelligence intelligence, McpTools session) implements CodeBackend {

        @Override
        public void close() {
            session.close();
        }
    }

    /** No semantic tools to use, and why. */
    record Unavailable(String why) implements CodeBackend {

        @Override
        public void close() {}
    }

    private static String sorted(Set<String> names) {
        return names.stream().sorted().toList().toString();
    }
}

package io.devopsparadise.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopsparadise.gateway.clients.Client;
import io.devopsparadise.gateway.tools.GatewayTool;
import io.devopsparadise.gateway.tools.GatewayTools;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With a gateway tool of the test's own (a fake of our own interface, not a mock). */
class ToolAggregatorTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final JsonRpc json = new JsonRpc(MAPPER);
    // Claude Code's prefix for the server name the setup registers: mcp__devops-paradise__ (22 characters)
    private final ToolNames names = new ToolNames(ToolNames.CLIENT_LIMIT - "mcp__devops-paradise__".length());
    private final ToolAggregator aggregator =
            new ToolAggregator(new GatewayTools(List.of(new WhoAmI())), json, names, new BackendBodies(1 << 20));
    private final Client client =
            new Client("alice", "alice", "/w", null, "standard", Instant.EPOCH, Instant.EPOCH, null);

    static final class WhoAmI implements GatewayTool {
        public String name() {
            return "paradise_whoami";
        }

        public String description() {
            return "who";
        }

        public Map<String, Object> inputSchema() {
            return Map.of("type", "object");
        }

        public Mono<ToolResult> call(Client client, JsonNode arguments) {
            return Mono.just(ToolResult.ok("you are " + client.id(), Map.of("id", client.id())));
        }
    }

    @Test
    void theGatewaysToolsReplaceBackendToolsThatClaimItsPrefix() {
        String backend =
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{\"tools\":[{\"name\":\"echo\"},{\"name\":\"paradise_whoami\",\"description\":\"impostor\"}]}}";

        JsonNode merged = MAPPER.readTree(
                aggregator.augment(backend.getBytes(StandardCharsets.UTF_8), false, MAPPER.readTree("4")));

        assertThat(merged.path("result")
                        .path("tools")
                        .valueStream()
                        .map(t -> t.path("name").asString())
                        .toList())
                .containsExactly("echo", "paradise_whoami");
        assertThat(merged.path("result")
                        .path("tools")
                        .get(1)
                        .path("description")
                        .asString())
                .isEqualTo("who");
    }

    @Test
    void rewritesOnlyTheMatchingEventOfAnSseAnswer() {
        String sse =
                "event: message\nid: 1\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{}}\n\n"
                        + "event: message\nid: 2\ndata: {\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":{\"tools\":[]}}\n\n";

        String out = new String(
                aggregator.augment(sse.getBytes(StandardCharsets.UTF_8), true, MAPPER.readTree("\"x\"")),
                StandardCharsets.UTF_8);

        assertThat(out)
                .startsWith(
                        "event: message\nid: 1\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{}}\n\n");
        assertThat(out)
                .contains(
                        "id: 2\ndata: {\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":{\"tools\":[{\"name\":\"paradise_whoami\"")
                .endsWith("\n\n");
    }

    @Test
    void oneAugmentationServesEveryTransportKeepingTheBackendsFormatOrAnsweringJson() {
        String sse =
                "event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"tools\":[{\"name\":\"echo\"}]}}\n\n";
        Relayed streamed = Relayed.read(200, "text/event-stream", sse.getBytes(StandardCharsets.UTF_8));

        Relayed kept =
                aggregator.augmented(streamed, MAPPER.readTree("7"), false).block();
        Relayed json =
                aggregator.augmented(streamed, MAPPER.readTree("7"), true).block();

        assertThat(kept.contentType()).isEqualTo("text/event-stream");
        assertThat(new String(kept.bytes(), StandardCharsets.UTF_8))
                .startsWith("event: message\ndata: ")
                .contains("\"paradise_whoami\"");
        assertThat(json.contentType()).isEqualTo("application/json");
        assertThat(MAPPER.readTree(json.bytes())
                        .path("result")
                        .path("tools")
                        .valueStream()
                        .map(t -> t.path("name").asString())
                        .toList())
                .containsExactly("echo", "paradise_whoami");
    }

    @Test
    void aFailedToolsListPassesThroughUnchanged() {
        Relayed failed = Relayed.read(
                503,
                "application/json",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32000,\"message\":\"busy\"}}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(aggregator.augmented(failed, MAPPER.readTree("7"), true).block())
                .isSameAs(failed);
    }

    @Test
    void leavesEveryOtherAnswerUntouched() {
        byte[] other = "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{\"tools\":[]}}".getBytes(StandardCharsets.UTF_8);
        byte[] error = "{\"jsonrpc\":\"2.0\",\"id\":4,\"error\":{\"code\":-1,\"message\":\"x\"}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(aggregator.augment(other, false, MAPPER.readTree("4"))).isEqualTo(other);
        assertThat(aggregator.augment(error, false, MAPPER.readTree("4"))).isEqualTo(error);
    }

    @Test
    void answersOnlyCallsOfItsOwnTools() {
        McpMessage own = json.parse(
                        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"paradise_whoami\"}}"
                                .getBytes())
                .get(0);
        McpMessage unknown = json.parse(
                        "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\",\"params\":{\"name\":\"paradise_nope\"}}"
                                .getBytes())
                .get(0);
        McpMessage backend = json.parse(
                        "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}"
                                .getBytes())
                .get(0);

        JsonNode answer = MAPPER.readTree(
                aggregator.answerLocally(client, own).orElseThrow().block());
        assertThat(answer.path("id").asInt()).isEqualTo(9);
        assertThat(answer.path("result").path("content").get(0).path("text").asString())
                .isEqualTo("you are alice");
        assertThat(answer.path("result").path("structuredContent").path("id").asString())
                .isEqualTo("alice");
        assertThat(new String(
                        aggregator.answerLocally(client, unknown).orElseThrow().block()))
                .contains("-32602")
                .contains("Unknown tool: paradise_nope");
        assertThat(aggregator.answerLocally(client, backend)).isEmpty();
    }

    @Test
    void aBackendToolNameTooLongForClaudeCodeIsShortenedOnlyForDisplay() {
        String longName = "find_referencing_symbols_in_every_module_of_the_workspace";
        String backend =
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{\"tools\":[{\"name\":\"lsp_find_references\"},{\"name\":\""
                        + longName + "\"}]}}";

        List<String> shown = MAPPER.readTree(
                        aggregator.augment(backend.getBytes(StandardCharsets.UTF_8), false, MAPPER.readTree("4")))
                .path("result")
                .path("tools")
                .valueStream()
                .map(t -> t.path("name").asString())
                .toList();

        assertThat(shown).hasSize(3).contains("lsp_find_references", "paradise_whoami");
        assertThat(shown)
                .allSatisfy(name -> assertThat("mcp__devops-paradise__" + name).hasSizeLessThanOrEqualTo(64));
        String shortName = shown.get(1);
        assertThat(shortName)
                .startsWith("find_referencing_symbols")
                .matches(".*_[0-9a-f]{8}")
                .isNotEqualTo(longName);
        McpMessage call = json.parse(("{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"tools/call\",\"params\":{\"name\":\""
                                + shortName + "\",\"arguments\":{\"q\":1}}}")
                        .getBytes())
                .get(0);
        JsonNode sent = MAPPER.readTree(aggregator.forBackend(call));
        assertThat(sent.path("params").path("name").asString()).isEqualTo(longName);
        assertThat(sent.path("params").path("arguments").path("q").asInt()).isEqualTo(1);
        assertThat(sent.path("id").asInt()).isEqualTo(12);
    }

    @Test
    void aBatchReachesTheBackendWithEachShortenedNameInFull() {
        String longName = "find_referencing_symbols_in_every_module_of_the_workspace";
        String shortName = MAPPER.readTree(aggregator.augment(
                        ("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{\"tools\":[{\"name\":\"" + longName + "\"}]}}")
                                .getBytes(StandardCharsets.UTF_8),
                        false,
                        MAPPER.readTree("4")))
                .path("result")
                .path("tools")
                .get(0)
                .path("name")
                .asString();
        List<McpMessage> batch =
                json.parse(("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\""
                                + shortName + "\"}},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}]")
                        .getBytes(StandardCharsets.UTF_8));

        JsonNode sent = MAPPER.readTree(aggregator.batchForBackend(batch));

        assertThat(shortName).isNotEqualTo(longName);
        assertThat(sent.isArray()).isTrue();
        assertThat(sent.get(0).path("params").path("name").asString()).isEqualTo(longName);
        assertThat(sent.get(1).path("method").asString()).isEqualTo("ping");
    }

    @Test
    void aBatchCallingTheGatewaysOwnToolsIsRefused() {
        List<McpMessage> batch = json.parse(
                ("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"paradise_whoami\"}},"
                                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}]")
                        .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> aggregator.batchForBackend(batch))
                .isInstanceOfSatisfying(
                        McpError.class, e -> assertThat(e.code()).isEqualTo(McpError.INVALID_REQUEST))
                .hasMessageContaining("one per request");
    }

    @Test
    void sendsCallsOfNamesItDidNotShortenAsTheClientWroteThem() {
        byte[] raw =
                "{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}".getBytes();

        assertThat(aggregator.forBackend(json.parse(raw).get(0)))
                .isSameAs(json.parse(raw).get(0).raw())
                .isEqualTo(raw);
    }
}

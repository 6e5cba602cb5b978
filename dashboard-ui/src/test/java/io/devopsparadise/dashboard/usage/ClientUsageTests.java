package io.devopsparadise.dashboard.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.usage.McpUsage;
import io.devopsparadise.contracts.usage.QualityUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientUsageTests {

    @Test
    void clientsOfEitherServiceAreRowsMostRequestsFirstThenMostRuns() {
        List<McpUsage> mcp = List.of(
                new McpUsage("quiet", 1, 3, 0, null, List.of()), new McpUsage("busy", 4, 90, 2, null, List.of()));
        List<QualityUsage> quality =
                List.of(new QualityUsage("busy", 2, 1, 1, 0), new QualityUsage("runner", 7, 7, 0, 5_000));

        List<ClientUsage> rows = ClientUsage.of(mcp, quality);

        assertThat(rows).extracting(ClientUsage::clientId).containsExactly("busy", "quiet", "runner");
        assertThat(rows.get(0).runs()).isEqualTo(2);
        assertThat(rows.get(2).mcp()).as("no MCP traffic").isNull();
        assertThat(rows.get(2).requests()).isZero();
    }
}

package io.devopsparadise.contracts.usage;

import java.util.List;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The gateway's API for the platform's services (docs/bridge-gateway.md); the service credential is accepted. */
@HttpExchange(url = "/api", accept = "application/json")
public interface GatewayApi {

    /** Every client's use of the gateway, most requests first. */
    @GetExchange("/usage")
    List<McpUsage> usage();
}

package io.devopsparadise.dashboard.usage;

import io.devopsparadise.contracts.usage.McpUsage;
import io.devopsparadise.contracts.usage.QualityUsage;
import io.devopsparadise.dashboard.platform.Platform;
import io.devopsparadise.dashboard.platform.ServiceUnavailableException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Usage analytics per client: the Usage page, and {@code GET /api/usage} (service credential) with the same rows. A
 * service that does not answer leaves its half empty and is named.
 */
@Controller
class UsageController {

    private final Platform platform;

    UsageController(Platform platform) {
        this.platform = platform;
    }

    @GetMapping("/usage")
    String page(Model model) {
        Usage usage = usage();
        model.addAttribute("clients", usage.clients());
        model.addAttribute("unavailable", usage.unavailable());
        return "usage";
    }

    @GetMapping("/api/usage")
    @ResponseBody
    Usage api() {
        return usage();
    }

    /** @param unavailable what could not be read, in words */
    record Usage(List<ClientUsage> clients, List<String> unavailable) {}

    private Usage usage() {
        List<String> unavailable = new ArrayList<>();
        List<McpUsage> mcp = List.of();
        List<QualityUsage> quality = List.of();
        try {
            mcp = platform.gatewayUsage();
        } catch (ServiceUnavailableException down) {
            unavailable.add(down.getMessage());
        }
        try {
            quality = platform.qualityUsage();
        } catch (ServiceUnavailableException down) {
            unavailable.add(down.getMessage());
        }
        return new Usage(ClientUsage.of(mcp, quality), unavailable);
    }
}

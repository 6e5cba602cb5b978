package io.devopsparadise.dashboard.web;

import io.devopsparadise.dashboard.DashboardProperties;
import io.devopsparadise.dashboard.live.EventRelay;
import io.devopsparadise.dashboard.live.LiveStreamRefusedException;
import io.devopsparadise.dashboard.platform.Platform;
import io.devopsparadise.dashboard.platform.ServiceUnavailableException;
import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The overview: every client's instance and its health, and the latest runs, both kept current by live events. */
@Controller
class OverviewController {

    static final int LATEST_RUNS = 20;

    private final Platform platform;
    private final DashboardProperties properties;
    private final EventRelay relay;

    OverviewController(Platform platform, DashboardProperties properties, EventRelay relay) {
        this.platform = platform;
        this.properties = properties;
        this.relay = relay;
    }

    @GetMapping("/")
    String overview(Model model) {
        instances(model);
        runs(model);
        return "overview";
    }

    @GetMapping("/fragments/instances")
    String instances(Model model) {
        model.addAttribute("profiles", properties.profiles());
        model.addAttribute(
                "mcpEndpoint",
                properties.gatewayUrl() == null ? null : properties.gatewayUrl().resolve("/mcp"));
        try {
            model.addAttribute(
                    "instances",
                    platform.instances().stream()
                            .sorted(Comparator.comparing(i -> i.clientId()))
                            .toList());
        } catch (ServiceUnavailableException down) {
            model.addAttribute("instancesError", down.getMessage());
        }
        return "fragments/instances :: instances";
    }

    @GetMapping("/fragments/runs")
    String runs(Model model) {
        try {
            model.addAttribute("runs", platform.runs(null, LATEST_RUNS));
        } catch (ServiceUnavailableException down) {
            model.addAttribute("runsError", down.getMessage());
        }
        return "fragments/runs :: runs";
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(HttpSession session) {
        try {
            return relay.subscribe(session.getId());
        } catch (LiveStreamRefusedException refused) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, refused.getMessage());
        }
    }
}

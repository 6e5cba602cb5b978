package io.devopsparadise.dashboard.web;

import io.devopsparadise.dashboard.platform.Platform;
import io.devopsparadise.dashboard.platform.ServiceUnavailableException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;

/**
 * A client's insights: what is worth doing (ranked, with evidence), the hotspot chart, the working tree's risk, flaky
 * tests, recurring rules and the debt trend. Each service's part shows on its own: one down leaves the other's.
 */
@Controller
class InsightsController {

    static final int LISTED = 10;

    private final Platform platform;

    InsightsController(Platform platform) {
        this.platform = platform;
    }

    @GetMapping("/insights")
    String insights(@RequestParam String clientId, Model model) {
        model.addAttribute("clientId", clientId);
        try {
            model.addAttribute("overview", platform.insights(clientId, LISTED));
        } catch (ServiceUnavailableException | Platform.RunRefusedException | RestClientException unavailable) {
            model.addAttribute("overviewError", unavailable.getMessage());
        }
        try {
            model.addAttribute("history", platform.insightsHistory(clientId));
        } catch (ServiceUnavailableException | RestClientException unavailable) {
            model.addAttribute("historyError", unavailable.getMessage());
        }
        return "insights";
    }
}

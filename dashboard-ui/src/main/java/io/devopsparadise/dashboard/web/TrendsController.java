package io.devopsparadise.dashboard.web;

import io.devopsparadise.contracts.reports.TrendPoint;
import io.devopsparadise.dashboard.platform.Platform;
import io.devopsparadise.dashboard.platform.ServiceUnavailableException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Trend charts of one client's workspace: score, pass rate, coverage, findings and duration per run. */
@Controller
class TrendsController {

    private final Platform platform;

    TrendsController(Platform platform) {
        this.platform = platform;
    }

    @GetMapping("/trends")
    String trends(@RequestParam String clientId, @RequestParam String workspace, Model model) {
        model.addAttribute("clientId", clientId);
        model.addAttribute("workspace", workspace);
        try {
            List<TrendPoint> points = platform.trend(clientId, workspace);
            model.addAttribute("points", points);
        } catch (ServiceUnavailableException down) {
            model.addAttribute("trendError", down.getMessage());
        }
        return "trends";
    }
}

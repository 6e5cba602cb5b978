package io.devopsparadise.dashboard.alerts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The alerts page: what Alertmanager reported, firing ones first. */
@Controller
class AlertsPageController {

    private final AlertBoard board;

    AlertsPageController(AlertBoard board) {
        this.board = board;
    }

    @GetMapping("/alerts")
    String alerts(Model model) {
        model.addAttribute("alerts", board.alerts());
        model.addAttribute("firing", board.firing());
        return "alerts";
    }
}

package io.devopsparadise.dashboard.web;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunDigest;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.ToolDigest;
import io.devopsparadise.contracts.reports.RunOverview;
import io.devopsparadise.dashboard.DashboardProperties;
import io.devopsparadise.dashboard.live.RunProgressBoard;
import io.devopsparadise.dashboard.live.ToolProgress;
import io.devopsparadise.dashboard.platform.Platform;
import io.devopsparadise.dashboard.platform.ServiceUnavailableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A run's page: live while the run executes (tools starting and finishing, their counts), its stored summary and
 * reports once it is done. Also starts runs and serves the reports under the dashboard's own address.
 */
@Controller
class RunPageController {

    private static final Pattern RUN_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final int PAGE = 50;
    private static final Set<String> REPORT_FILES =
            Set.of("report.html", "report.json", "report.md", "report.sarif", "report.junit.xml");

    private final Platform platform;
    private final RunProgressBoard board;
    private final DashboardProperties properties;

    RunPageController(Platform platform, RunProgressBoard board, DashboardProperties properties) {
        this.platform = platform;
        this.board = board;
        this.properties = properties;
    }

    @PostMapping("/runs")
    String start(@RequestParam String clientId, @RequestParam String profile) {
        if (!properties.profiles().contains(profile)) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "unknown profile " + profile + "; choose one of " + properties.profiles());
        }
        try {
            QualityRunResult run = platform.startRun(clientId, profile);
            return "redirect:/runs/" + run.id();
        } catch (Platform.RunRefusedException refused) {
            throw new ResponseStatusException(
                    refused.status(), "the quality-orchestrator did not start the run: " + refused.getMessage());
        }
    }

    @GetMapping("/runs/{id}")
    String run(
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int failures,
            @RequestParam(defaultValue = "0") int findings,
            @RequestParam(defaultValue = "false") boolean newOnly,
            Model model) {
        requireRunId(id);
        if (failures < 0 || findings < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "failures and findings are offsets: 0 or more");
        }
        model.addAttribute("runId", id);
        Optional<RunOverview> stored = platform.storedRun(id);
        if (stored.isPresent()) {
            model.addAttribute("stored", stored.get());
            model.addAttribute(
                    "reportFiles",
                    List.of("report.html", "report.md", "report.json", "report.sarif", "report.junit.xml"));
            model.addAttribute("failurePage", platform.failingTests(id, failures, PAGE));
            model.addAttribute("findingPage", platform.findings(id, newOnly, findings, PAGE));
            model.addAttribute("newOnly", newOnly);
            return "run";
        }
        live(id, model);
        return "run";
    }

    @GetMapping("/fragments/runs/{id}")
    String live(@PathVariable String id, Model model) {
        requireRunId(id);
        model.addAttribute("runId", id);
        Optional<RunDigest> run;
        try {
            run = platform.liveRun(id);
        } catch (ServiceUnavailableException down) {
            model.addAttribute("liveError", down.getMessage());
            run = Optional.empty();
        }
        var progress = board.progress(id);
        if (run.isEmpty() && progress.isEmpty() && !model.containsAttribute("liveError")) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND,
                    "no run has the id " + id + ": neither the quality-orchestrator nor the report-service knows it");
        }
        run.ifPresent(r -> model.addAttribute("live", r));
        if (run.map(r -> r.state().isFinished()).orElse(false)) {
            platform.storageFailure(id).ifPresent(reason -> model.addAttribute("storageFailure", reason));
        }
        model.addAttribute(
                "state",
                run.map(RunDigest::state)
                        .or(() -> progress.map(RunProgressBoard.RunProgress::state))
                        .map(RunState::name)
                        .orElse("UNKNOWN"));
        model.addAttribute("tools", tools(run, progress));
        model.addAttribute("plans", plans(run, progress));
        model.addAttribute(
                "failuresSoFar",
                progress.map(RunProgressBoard.RunProgress::failures).orElse(List.of()));
        return "fragments/live-run :: live";
    }

    /** The test plans as the events said them, else as the orchestrator keeps them (events before the dashboard started). */
    private static List<String> plans(Optional<RunDigest> run, Optional<RunProgressBoard.RunProgress> progress) {
        List<String> heard = progress.map(RunProgressBoard.RunProgress::plans).orElse(List.of());
        return !heard.isEmpty()
                ? heard
                : run.map(r -> r.plans().stream()
                                .map(io.devopsparadise.contracts.quality.TestPlan::summary)
                                .toList())
                        .orElse(List.of());
    }

    /** Tools as the events reported them, completed by the orchestrator's outcomes (events before the dashboard started). */
    private static List<ToolProgress> tools(Optional<RunDigest> run, Optional<RunProgressBoard.RunProgress> progress) {
        Map<String, ToolProgress> tools = new LinkedHashMap<>();
        progress.ifPresent(p -> p.tools().forEach(t -> tools.put(t.tool(), t)));
        run.ifPresent(r -> {
            for (ToolDigest outcome : r.tools()) {
                tools.put(
                        outcome.tool(),
                        ToolProgress.finished(
                                outcome.tool(),
                                outcome.status(),
                                outcome.tests(),
                                outcome.failed(),
                                outcome.findings()));
            }
        });
        return List.copyOf(tools.values());
    }

    @GetMapping("/runs/{id}/reports/{file:.+}")
    ResponseEntity<byte[]> report(@PathVariable String id, @PathVariable String file) {
        requireRunId(id);
        if (!REPORT_FILES.contains(file)) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no report " + file + "; the reports are " + REPORT_FILES);
        }
        ResponseEntity<byte[]> report = platform.report(id, file)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "run " + id + " has no stored report yet"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, report.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE))
                .body(report.getBody());
    }

    /** Run ids are UUIDs; anything else names no run (and is never passed on to the services). */
    private static void requireRunId(String id) {
        if (!RUN_ID.matcher(id).matches()) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND,
                    "no run has the id " + (id.length() > 60 ? id.substring(0, 60) + "…" : id)
                            + ": run ids are UUIDs, as the run's page address shows");
        }
    }
}

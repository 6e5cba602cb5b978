package io.devopsparadise.reports.runs;

import io.devopsparadise.contracts.quality.Baseline;
import io.devopsparadise.contracts.quality.BaselineFindings;
import io.devopsparadise.contracts.reports.RunSummary;
import io.devopsparadise.reports.input.InputRules;
import io.swagger.v3.oas.annotations.Operation;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The stored run a new run is compared with, as the orchestrator needs it: finding fingerprints and failing tests. */
@RestController
@RequestMapping("/api")
class BaselineController {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{4,40}");

    private final RunStore store;
    private final RunItems items;

    BaselineController(RunStore store, RunItems items) {
        this.store = store;
        this.items = items;
    }

    @GetMapping("/baseline")
    @Operation(
            summary =
                    "The latest finished, stored run of a client, workspace and profile on a branch, at a commit, or the previous one"
                            + " (exactly one of branch, commit, previous=true): its finding fingerprints with their counts and its failing tests."
                            + " 404 when there is none: the next run sets the baseline")
    BaselineFindings baseline(
            @RequestParam String clientId,
            @RequestParam String workspace,
            @RequestParam String profile,
            @RequestParam(required = false) String branch,
            @RequestParam(required = false) String commit,
            @RequestParam(defaultValue = "false") boolean previous) {
        InputRules.clientName("clientId", clientId);
        int chosen = (branch != null ? 1 : 0) + (commit != null ? 1 : 0) + (previous ? 1 : 0);
        if (chosen != 1) {
            throw new IllegalArgumentException("give exactly one of branch=NAME, commit=SHA or previous=true");
        }
        if (commit != null && !COMMIT.matcher(commit).matches()) {
            throw new IllegalArgumentException("commit must be 4 to 40 lower-case hex digits, got '" + commit + "'");
        }
        String choice = branch != null
                ? "the latest stored run on " + branch
                : commit != null ? "the latest stored run at commit " + commit : "the previous stored run";
        RunSummary run = store.latest(clientId, workspace, profile, branch, commit)
                .orElseThrow(() -> new NoBaselineException("no stored run of " + clientId + " in " + workspace + " is "
                        + choice.replace("the latest stored run ", "")));
        return new BaselineFindings(
                new Baseline(run.id(), run.gitCommit(), run.gitBranch(), choice),
                items.fingerprints(run.id()),
                items.failingTests(run.id()));
    }

    /** A baseline as the orchestrator reads it. */
}

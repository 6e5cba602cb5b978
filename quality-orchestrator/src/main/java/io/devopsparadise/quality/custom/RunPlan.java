package io.devopsparadise.quality.custom;

import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.quality.runners.ToolRunner;
import java.util.List;

/**
 * The tools one run may use: the detected ones the project's own commands do not replace, and those commands.
 *
 * @param runners candidates, still to be chosen by the profile's categories and {@link ToolRunner#appliesTo}
 * @param refused outcomes decided before anything runs: an invalid {@code .paradise.yml} is an ERROR named after the file
 */
public record RunPlan(List<ToolRunner> runners, List<ToolOutcome> refused) {

    public RunPlan {
        runners = List.copyOf(runners);
        refused = List.copyOf(refused);
    }
}

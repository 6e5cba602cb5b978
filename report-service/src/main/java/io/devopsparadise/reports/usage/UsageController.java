package io.devopsparadise.reports.usage;

import io.devopsparadise.contracts.usage.QualityUsage;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/usage}: each client's stored runs and the test time selection saved them, most runs first. */
@RestController
class UsageController {

    private final QualityUsageRepository usage;

    UsageController(QualityUsageRepository usage) {
        this.usage = usage;
    }

    @GetMapping("/api/usage")
    List<QualityUsage> usage() {
        return usage.all();
    }
}

package io.devopsparadise.reports.usage;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Runs stored per client and state ({@code paradise_quality_runs_total}) and the test time selection saved
 * ({@code paradise_quality_test_time_saved_seconds_total}), for Prometheus and the Grafana usage dashboard. The totals
 * since the store began are at {@code GET /api/usage}.
 */
@Component
public class QualityUsageMetrics {

    private final MeterRegistry meters;

    QualityUsageMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void stored(QualityRunResult run) {
        meters.counter(
                        "paradise.quality.runs",
                        "client",
                        run.clientId(),
                        "state",
                        run.state().name())
                .increment();
        Counter.builder("paradise.quality.test.time.saved")
                .baseUnit("seconds")
                .description("Test time the change-based selection left out")
                .tag("client", run.clientId())
                .register(meters)
                .increment(TestTimeSaved.of(run) / 1000.0);
    }
}

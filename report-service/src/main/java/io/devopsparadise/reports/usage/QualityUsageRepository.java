package io.devopsparadise.reports.usage;

import io.devopsparadise.contracts.usage.QualityUsage;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each client's runs, counted from the run store's {@code runs} table. */
@Repository
class QualityUsageRepository {

    private final JdbcClient jdbc;

    QualityUsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<QualityUsage> all() {
        return jdbc.sql("""
                        SELECT client_id, COUNT(*) AS runs,
                            SUM(CASE WHEN state = 'PASSED' THEN 1 ELSE 0 END) AS passed,
                            SUM(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END) AS failed,
                            COALESCE(SUM(test_time_saved_ms), 0) AS saved
                        FROM runs GROUP BY client_id ORDER BY runs DESC, client_id""")
                .query((rs, row) -> new QualityUsage(
                        rs.getString("client_id"),
                        rs.getLong("runs"),
                        rs.getLong("passed"),
                        rs.getLong("failed"),
                        rs.getLong("saved")))
                .list();
    }
}

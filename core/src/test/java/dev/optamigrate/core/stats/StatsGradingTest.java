package dev.optamigrate.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.Finding;
import dev.optamigrate.core.analysis.MigrationScript;
import dev.optamigrate.core.analysis.Severity;
import dev.optamigrate.core.analysis.StaticCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same migration, graded by the table it touches. */
class StatsGradingTest {
    private static final long GB = 1024L * 1024 * 1024;

    private static StatsSnapshot snapshot(TableStats table) {
        return new StatsSnapshot(StatsSnapshot.FORMAT, 16, "2026-12-02T10:00:00Z", 10, List.of(table),
                List.of(new IndexStats("public", table.name() + "_pkey", table.name(), 1024)), null);
    }

    private static Finding graded(String sql, TableStats table) {
        CheckReport report = new StaticCheck(16).check(List.of(new MigrationScript("V9__x.sql", sql)));
        return StatsGrading.grade(report, snapshot(table)).findings().stream()
                .filter(finding -> !finding.rule().equals("lock-timeout-missing")).findFirst().orElseThrow();
    }

    @Test
    void aRewriteOfASmallIdleTableIsANoteAndOfABigWrittenOneAnErrorWithItsFigures() {
        String sql = "ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,2)";

        Finding small = graded(sql, new TableStats("public", "orders", 8192, 16384, 120, 0, 0, 0, 0));
        Finding big = graded(sql, new TableStats("public", "orders", 30 * GB, 41 * GB, 120_000_000, 300, 40, 10,
                2));
        Finding middling = graded(sql, new TableStats("public", "orders", 50 * 1024 * 1024, 60 * 1024 * 1024,
                400_000, 5, 0, 0, 0));

        assertThat(small.rule()).isEqualTo("rewrite-column-type");
        assertThat(small.severity()).isEqualTo(Severity.INFO);
        assertThat(small.message()).contains("[orders: 16 kB, ~120 rows, 0 writes/s", "graded info");
        assertThat(big.severity()).isEqualTo(Severity.ERROR);
        assertThat(big.message()).contains("[orders: 41 GB, ~120M rows, 350 writes/s; estimated 13m59s at 50 MB/s");
        assertThat(middling.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aDropIndexIsGradedByTheIndexesTableAndAnUnknownTableIsLeftAsItWas() {
        TableStats hot = new TableStats("public", "orders", GB, 2 * GB, 5_000_000, 900, 0, 0, 0);

        assertThat(graded("DROP INDEX orders_pkey", hot).severity()).isEqualTo(Severity.ERROR);
        Finding unknown = graded("CREATE INDEX customers_email ON customers (email)", hot);
        assertThat(unknown.severity()).isEqualTo(Severity.ERROR);
        assertThat(unknown.message()).doesNotContain("stats file");
    }
}

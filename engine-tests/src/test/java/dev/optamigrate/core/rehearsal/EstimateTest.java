package dev.optamigrate.core.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production-size estimate against the real thing: a target table of a million rows, a migration that
 * rewrites it, the estimate from the shadow's calibrated rate, then the same statement timed on the target. The
 * estimate must be within a factor of 3; both numbers are printed.
 */
class EstimateTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final String REWRITE = "ALTER TABLE line_items ALTER COLUMN quantity TYPE bigint";

    @Test
    void estimateOfAMillionRowRewriteIsWithinAFactorOfThree(TestDatabase db, @TempDir Path dir) throws Exception {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        MigrationSets.append("flyway", location, "line items", """
                CREATE TABLE line_items (
                    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    order_id bigint NOT NULL,
                    sku      text NOT NULL,
                    quantity int NOT NULL,
                    price    numeric(12,2) NOT NULL
                );
                CREATE INDEX line_items_order_idx ON line_items (order_id);
                """);
        RehearsalTest.migrator(db.target(), location).migrate();
        db.execute("INSERT INTO line_items (order_id, sku, quantity, price) SELECT i / 3, 'SKU-' || (i % 5000), "
                + "1 + i % 7, (i % 10000) / 100.0 FROM generate_series(1, 1000000) i");
        db.execute("VACUUM ANALYZE line_items");
        MigrationSets.append("flyway", location, "wider quantity", REWRITE + ";\n");

        RehearsalReport report = RehearsalTest.rehearse(db, location);
        Estimate estimate = RehearsalTest.lock(report.measurements().get(0), "public.line_items").estimate()
                .orElseThrow();

        long start = System.nanoTime();
        db.execute(REWRITE);
        Duration actual = Duration.ofNanos(System.nanoTime() - start);

        double ratio = (double) estimate.duration().toMillis() / Math.max(1, actual.toMillis());
        System.out.printf("Rewrite of %s: estimated %d ms, took %d ms on the target (ratio %.2f)%n", estimate.size(),
                estimate.duration().toMillis(), actual.toMillis(), ratio);
        assertThat(estimate.rows()).isBetween(900_000.0, 1_100_000.0);
        assertThat(ratio).isBetween(1 / 3.0, 3.0);
    }
}

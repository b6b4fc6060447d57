package dev.optamigrate.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A plan's backfill on a real PostgreSQL: it commits batch by batch, so what it did before it was stopped stays,
 * and run again it finishes the rest.
 */
class BackfillTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Test
    void aStoppedBackfillKeepsItsBatchesAndFinishesWhenRunAgain(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, legacy_status text, "
                + "status text); INSERT INTO orders (legacy_status) SELECT 's-' || g FROM generate_series(1, 3000) g");
        String backfill = Plan.of(PlanOperations.renameColumn("orders.legacy_status", "status", "text"),
                new PlanOptions(17, 100, Duration.ofMillis(20), "id")).migrations(1).get(2).statements().get(0);

        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            CompletableFuture<Void> cancelled = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(300);
                    statement.cancel();
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThatThrownBy(() -> statement.execute(backfill)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("canceling statement");
            cancelled.get(10, TimeUnit.SECONDS);
        }
        long done = synced(db);
        assertThat(done).as("batches committed before the stop").isPositive().isLessThan(3000);

        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(backfill);
        }

        assertThat(synced(db)).isEqualTo(3000);
    }

    private static long synced(TestDatabase db) throws Exception {
        return Long.parseLong(db.column("SELECT count(*) FROM orders WHERE status = legacy_status").get(0));
    }
}

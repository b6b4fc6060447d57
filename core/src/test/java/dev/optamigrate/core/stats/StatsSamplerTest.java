package dev.optamigrate.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot of a real server with a big written table and a small idle one. */
class StatsSamplerTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final String SECRET = "card-4111-1111-1111-1111";

    @Test
    void sizesRowsAndWriteRatesWithoutDataValues(TestDatabase db, @TempDir Path dir) throws Exception {
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, note text)");
        db.execute("INSERT INTO orders SELECT g, '" + SECRET + "' FROM generate_series(1, 50000) g");
        db.execute("CREATE TABLE countries (code text PRIMARY KEY)");
        db.execute("INSERT INTO countries VALUES ('" + SECRET + "')");
        db.execute("ANALYZE");
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writes = writer.submit(() -> {
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                for (long id = 100_000; writing.get(); id++) {
                    statement.execute("INSERT INTO orders VALUES (" + id + ", 'x')");
                }
            }
            return null;
        });
        StatsSnapshot snapshot;
        try (Connection connection = db.connect()) {
            snapshot = StatsSampler.sample(connection, Duration.ofSeconds(3));
        } finally {
            writing.set(false);
            writes.get();
            writer.shutdown();
        }
        Path file = dir.resolve("stats.json");
        snapshot.write(file);

        TableStats orders = StatsSnapshot.read(file).table("orders").orElseThrow();
        TableStats countries = snapshot.table("countries").orElseThrow();
        assertThat(snapshot.serverVersion()).isEqualTo(17);
        assertThat(orders.rows()).isGreaterThanOrEqualTo(50_000);
        assertThat(orders.totalBytes()).isGreaterThan(orders.tableBytes()).isGreaterThan(countries.totalBytes());
        assertThat(orders.insertsPerSecond()).isPositive();
        assertThat(countries.writesPerSecond()).isZero();
        assertThat(countries.rows()).isEqualTo(1);
        assertThat(snapshot.tableOfIndex("orders_pkey")).contains(snapshot.table("orders").orElseThrow());
        assertThat(Files.readString(file)).contains("\"format\" : \"opta-migrate-stats/1\"", "\"orders\"")
                .doesNotContain(SECRET, "4111");
    }
}

package dev.optamigrate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FlywayConcurrentIndexTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    /** Flyway's default transactional lock makes CREATE INDEX CONCURRENTLY wait on Flyway's own transaction. */
    @Test
    void createIndexConcurrentlyCompletes(TestDatabase db, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint, customer_id bigint);\n"
                + "INSERT INTO orders SELECT g, g % 100 FROM generate_series(1, 10000) g;");
        Files.writeString(dir.resolve("V2__index_concurrently.sql"),
                "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);");

        MigrateResult result = CompletableFuture.supplyAsync(() -> Migrator.configure().target(db.target())
                .location(dir.toString()).load().migrate()).get(2, TimeUnit.MINUTES);

        assertThat(result.to()).isEqualTo("2");
        assertThat(db.column("SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_customer_idx'::regclass"))
                .containsExactly("t");
    }
}

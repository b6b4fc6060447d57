package dev.optamigrate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.spi.PendingMigration;
import dev.optamigrate.core.spi.ToolOptions;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pending list says which Flyway migrations run outside a transaction: those Flyway's parser finds (in any
 * case, after a comment, with placeholders) and those whose script config says so; the engine picks Flyway's lock
 * by it. {@code ALTER TYPE ... ADD VALUE} runs in a transaction since PostgreSQL 12, and Flyway knows it.
 */
class FlywayTransactionalFlagTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Test
    void flagsWhatFlywayRunsOutsideATransaction(TestDatabase db, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint, status text);\n"
                + "COMMENT ON TABLE orders IS 'the value of a database system';");
        Files.writeString(dir.resolve("V2__index.sql"), "-- built without blocking writes\n"
                + "create index concurrently orders_status_idx on orders (status);");
        Files.writeString(dir.resolve("V3__vacuum.sql"), "VACUUM ${table};");
        Files.writeString(dir.resolve("V4__own_commit.sql"), "INSERT INTO orders VALUES (1, 'new');");
        Files.writeString(dir.resolve("V4__own_commit.sql.conf"), "executeInTransaction=false\n");
        Files.writeString(dir.resolve("V5__enum.sql"), "CREATE TYPE state AS ENUM ('a');\n"
                + "ALTER TYPE state ADD VALUE 'b';");

        Map<String, Boolean> transactional = Migrator.configure().target(db.target()).location(dir.toString())
                .toolOptions(new ToolOptions(List.of(), List.of(), null, null, Map.of("table", "orders"), "development"))
                .load().pending().stream()
                .collect(Collectors.toMap(PendingMigration::version, PendingMigration::transactional));

        assertThat(transactional).containsEntry("1", true).containsEntry("2", false).containsEntry("3", false)
                .containsEntry("4", false).containsEntry("5", true);
    }
}

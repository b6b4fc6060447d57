package dev.optamigrate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A run killed during a {@code CREATE INDEX CONCURRENTLY} leaves the index invalid. The random-kill suite found
 * that the next run then recorded the migration as applied: {@code IF NOT EXISTS} skipped the invalid index, which
 * PostgreSQL never uses. The next run now drops it first and builds it again. For every tool.
 */
class InterruptedIndexBuildTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    static final List<String> TOOLS = MigrationSets.TOOLS;

    @TempDir
    Path directory;

    @ParameterizedTest
    @FieldSource("TOOLS")
    void anIndexThatAnInterruptedBuildLeftInvalidIsDroppedAndBuiltAgain(String tool, TestDatabase db)
            throws Exception {
        Path location = MigrationSets.copy(tool, directory);
        migrator(db, location, EventListener.NONE).migrate();
        leaveInvalidIndex(db);
        MigrationSets.appendOutsideTransaction(tool, location, "unique phone",
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS customers_phone_key ON customers (phone);");
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();

        MigrateResult result = migrator(db, location, events::add).migrate();

        assertThat(result.applied()).hasSize(1);
        assertThat(db.column("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE c.relname = 'customers_phone_key'")).containsExactly("t");
        assertThat(events).filteredOn(MigrationEvent.Warning.class::isInstance)
                .map(event -> ((MigrationEvent.Warning) event).message())
                .anySatisfy(message -> assertThat(message).contains("Dropped the invalid index "
                        + "public.customers_phone_key", "interrupted CREATE INDEX CONCURRENTLY"));
    }

    /** What a build that stopped half-way leaves: here a unique build that failed on a duplicate, since fixed. */
    private static void leaveInvalidIndex(TestDatabase db) throws SQLException {
        db.execute("INSERT INTO customers (email, name, phone) VALUES ('a@example.com', 'A', '555'), "
                + "('b@example.com', 'B', '555')");
        try {
            db.execute("CREATE UNIQUE INDEX CONCURRENTLY customers_phone_key ON customers (phone)");
            throw new AssertionError("the unique build should have failed on the duplicate");
        } catch (SQLException expected) {
            assertThat(expected.getSQLState()).isEqualTo("23505");
        }
        db.execute("UPDATE customers SET phone = '556' WHERE email = 'b@example.com'");
        assertThat(db.column("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE c.relname = 'customers_phone_key'")).containsExactly("f");
    }

    private static Migrator migrator(TestDatabase db, Path location, EventListener listener) {
        return Migrator.configure().target(db.target()).location(location.toString()).addListener(listener).load();
    }
}

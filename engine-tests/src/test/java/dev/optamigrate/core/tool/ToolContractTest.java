package dev.optamigrate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.spi.MigrationInfo;
import dev.optamigrate.core.spi.MigrationSession;
import dev.optamigrate.core.spi.MigrationTool;
import dev.optamigrate.core.spi.PendingMigration;
import dev.optamigrate.core.spi.ToolContext;
import dev.optamigrate.core.spi.ToolOptions;
import dev.optamigrate.core.spi.ToolStatus;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What every tool adapter must do, run against each tool's example set on real PostgreSQL. */
class ToolContractTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    static final List<String> TOOLS = MigrationSets.TOOLS;

    @TempDir
    Path dir;

    @ParameterizedTest
    @FieldSource("TOOLS")
    void migratesWithOneEventPerMigrationThenIsUpToDate(String tool, TestDatabase db) throws Exception {
        Path location = MigrationSets.copy(tool, dir);
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();

        MigrateResult first = migrator(db, location, events::add).migrate();

        int count = MigrationSets.exampleCount(tool);
        assertThat(first.applied()).hasSize(count);
        assertThat(events).filteredOn(MigrationEvent.MigrationFinished.class::isInstance).hasSize(count)
                .allSatisfy(event -> assertThat(((MigrationEvent.MigrationFinished) event).duration()).isNotNull());
        assertThat(db.hasTable("orders")).isTrue();
        ToolStatus status = migrator(db, location, events::add).status();
        assertThat(status.tool()).isEqualTo(tool);
        assertThat(status.applied()).hasSize(count).extracting(MigrationInfo::description).contains("create orders");
        assertThat(status.pending()).isEmpty();
        assertThat(status.current()).isEqualTo(first.to());

        MigrateResult second = migrator(db, location, events::add).migrate();
        assertThat(second.upToDate()).isTrue();
        assertThat(second.from()).isEqualTo(first.to());
    }

    @ParameterizedTest
    @FieldSource("TOOLS")
    void pendingListsTheSqlInOrderAndChangesNothing(String tool, TestDatabase db) throws Exception {
        Path location = MigrationSets.copy(tool, dir);

        List<PendingMigration> pending = migrator(db, location, event -> { }).pending();

        assertThat(pending).hasSize(MigrationSets.exampleCount(tool));
        assertThat(pending).filteredOn(p -> p.sql().contains("CREATE TABLE customers")).hasSize(1);
        int customers = indexOf(pending, "CREATE TABLE customers");
        assertThat(indexOf(pending, "CREATE TABLE orders")).isGreaterThan(customers);
        assertThat(db.hasTable("customers")).isFalse();
        assertThat(migrator(db, location, event -> { }).status().applied()).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("TOOLS")
    void failingMigrationNamesItsFileAndStatementAndKeepsThePreviousVersion(String tool, TestDatabase db) {
        Path location = MigrationSets.copy(tool, dir);
        String previous = migrator(db, location, event -> { }).migrate().to();
        MigrationSets.append(tool, location, "rename typo", "UPDATE customerz SET name = 'x';");

        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> migrator(db, location, event -> { }).migrate());

        assertThat(failure.code()).isEqualTo(CoreErrorCode.MIGRATION_FAILED);
        assertThat(failure.getMessage()).contains("rename_typo", "UPDATE customerz", "customerz");
        ToolStatus status = migrator(db, location, event -> { }).status();
        assertThat(status.current()).isEqualTo(previous);
        assertThat(status.pending()).hasSize(1);
    }

    @ParameterizedTest
    @FieldSource("TOOLS")
    void theToolIsDetectedFromTheLocation(String tool) {
        Path location = MigrationSets.copy(tool, dir);
        MigrationTools tools = MigrationTools.discover(getClass().getClassLoader());
        assertThat(tools.detect(location.toString()).tool()).isEqualTo(tool);
    }

    /** {@link MigrationSession#pending()}'s contract: it lists what the session's last status read found. */
    @ParameterizedTest
    @FieldSource("TOOLS")
    void pendingListsWhatTheLastStatusReadFound(String tool, TestDatabase db) throws Exception {
        Path location = MigrationSets.copy(tool, dir);
        MigrationTool adapter = MigrationTools.discover(getClass().getClassLoader()).byName(tool);
        ToolContext context = new ToolContext(new Connections(db.target(), "contract-test").dataSource(),
                location.toString(), EventListener.NONE, ToolOptions.DEFAULTS);

        try (MigrationSession session = adapter.open(context)) {
            ToolStatus read = session.status();
            migrator(db, location, EventListener.NONE).migrate();

            assertThat(session.pending()).as("pending after status, though another session migrated meanwhile")
                    .hasSize(read.pending().size()).isNotEmpty();
        }
        try (MigrationSession session = adapter.open(context)) {
            assertThat(session.pending()).as("pending without a status read reads now").isEmpty();
        }
    }

    private static Migrator migrator(TestDatabase db, Path location, dev.optamigrate.core.event.EventListener events) {
        return Migrator.configure().target(db.target()).location(location.toString()).addListener(events).load();
    }

    private static int indexOf(List<PendingMigration> pending, String text) {
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).sql().contains(text)) {
                return i;
            }
        }
        return -1;
    }
}

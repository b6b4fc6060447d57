package dev.optamigrate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.journal.Journal;
import dev.optamigrate.core.journal.JournalEntry;
import dev.optamigrate.core.journal.JournalScope;
import dev.optamigrate.core.spi.AppliedMigration;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.spi.MigrationInfo;
import dev.optamigrate.core.spi.RunConfiguration;
import dev.optamigrate.core.spi.ToolStatus;
import dev.optamigrate.core.testing.Examples;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigratorTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Test
    void migratesEverythingOnceThenReportsUpToDate(TestDatabase db) throws Exception {
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        MigrateResult first = migrator(db, events).migrate();

        assertThat(first.from()).isNull();
        assertThat(first.to()).isEqualTo("4");
        assertThat(first.applied()).extracting(AppliedMigration::version).containsExactly("1", "2", "3", "4");
        assertThat(events).filteredOn(MigrationEvent.MigrationFinished.class::isInstance).hasSize(4);
        assertThat(events.get(0)).isInstanceOf(MigrationEvent.RunStarted.class);
        assertThat(events).last().isInstanceOf(MigrationEvent.RunFinished.class);
        assertThat(db.hasTable("orders")).isTrue();

        String schemaBefore = schemaFingerprint(db);
        MigrateResult second = migrator(db, new CopyOnWriteArrayList<>()).migrate();

        assertThat(second.upToDate()).isTrue();
        assertThat(second.from()).isEqualTo("4");
        assertThat(schemaFingerprint(db)).isEqualTo(schemaBefore);
        try (Connection connection = db.connect()) {
            assertThat(Journal.open(connection, JournalScope.DATABASE).entries())
                    .extracting(JournalEntry::status, JournalEntry::applied)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("SUCCEEDED", 4),
                            org.assertj.core.groups.Tuple.tuple("SUCCEEDED", 0));
        }
    }

    @Test
    void statusListsAppliedAndPending(TestDatabase db) {
        ToolStatus before = migrator(db, new CopyOnWriteArrayList<>()).status();
        assertThat(before.current()).isNull();
        assertThat(before.pending()).extracting(MigrationInfo::version).containsExactly("1", "2", "3", "4");

        migrator(db, new CopyOnWriteArrayList<>()).migrate();
        ToolStatus after = migrator(db, new CopyOnWriteArrayList<>()).status();

        assertThat(after.current()).isEqualTo("4");
        assertThat(after.pending()).isEmpty();
        assertThat(after.applied()).extracting(MigrationInfo::description)
                .containsExactly("create customers", "create orders", "index orders by customer", "add customer phone");
    }

    @Test
    void pendingCarriesTheSqlOfEachMigration(TestDatabase db) {
        assertThat(migrator(db, new CopyOnWriteArrayList<>()).pending())
                .hasSize(4)
                .first().satisfies(first -> assertThat(first.sql()).contains("CREATE TABLE customers"));
    }

    /** load() and readOnly() copy: what the builder does afterwards reaches neither. */
    @Test
    void aLoadedMigratorAndAStrategysCopyIgnoreLaterChangesToTheBuilder(TestDatabase db) {
        List<MigrationEvent> first = new CopyOnWriteArrayList<>();
        List<MigrationEvent> later = new CopyOnWriteArrayList<>();
        MigratorConfiguration builder = Migrator.configure().target(db.target())
                .location(Examples.of("flyway").toString()).addListener(first::add);
        Migrator loaded = builder.load();
        RunConfiguration copy = builder.readOnly();

        builder.addListener(later::add).location("somewhere/else").tool("liquibase");
        loaded.migrate();

        assertThat(first).isNotEmpty();
        assertThat(later).isEmpty();
        assertThat(loaded.tool()).isEqualTo("flyway");
        assertThat(copy.location()).isEqualTo(Examples.of("flyway").toString());
        assertThat(copy.tool()).isEmpty();
        assertThat(copy.migratorFor(db.target(), "test").pending()).isEmpty();
    }

    private static Migrator migrator(TestDatabase db, List<MigrationEvent> events) {
        return Migrator.configure().target(db.target()).location(Examples.of("flyway").toString())
                .addListener(events::add).load();
    }

    private static String schemaFingerprint(TestDatabase db) throws Exception {
        return String.join(",", db.column("SELECT table_name || '.' || column_name FROM information_schema.columns "
                + "WHERE table_schema = 'public' ORDER BY 1"));
    }
}

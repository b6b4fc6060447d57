package dev.optamigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.journal.Journal;
import dev.optamigrate.core.journal.JournalEntry;
import dev.optamigrate.core.journal.JournalScope;
import dev.optamigrate.core.testing.Examples;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MigratorFailureTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Test
    void failingMigrationNamesFileAndStatementAndLeavesThePreviousVersion(TestDatabase db, @TempDir Path dir)
            throws Exception {
        Path migrations = Examples.copy("flyway", dir.resolve("migrations"));
        Files.writeString(migrations.resolve("V5__add_loyalty.sql"),
                "ALTER TABLE customers ADD COLUMN loyalty_points integer;\n"
                        + "UPDATE customer_typo SET loyalty_points = 0;\n");

        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> Migrator.configure().target(db.target()).location(migrations.toString()).load().migrate());

        assertThat(failure.code()).isEqualTo(CoreErrorCode.MIGRATION_FAILED);
        assertThat(failure.getMessage()).contains("V5__add_loyalty.sql", "line 2", "UPDATE customer_typo",
                "customer_typo", "42P01");
        assertThat(Migrator.configure().target(db.target()).location(migrations.toString()).load().status().current())
                .isEqualTo("4");
        assertThat(db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'customers'"))
                .doesNotContain("loyalty_points");
        try (Connection connection = db.connect()) {
            JournalEntry entry = Journal.open(connection, JournalScope.DATABASE).entries().get(0);
            assertThat(entry.status()).isEqualTo("FAILED");
            assertThat(entry.toVersion()).isEqualTo("4");
            assertThat(entry.error()).contains("V5__add_loyalty.sql");
        }
    }

    @Test
    void changedAppliedMigrationFailsValidation(TestDatabase db, @TempDir Path dir) throws Exception {
        Path migrations = Examples.copy("flyway", dir.resolve("migrations"));
        Migrator.configure().target(db.target()).location(migrations.toString()).load().migrate();
        Files.writeString(migrations.resolve("V2__create_orders.sql"), "-- edited after it was applied\n",
                java.nio.file.StandardOpenOption.APPEND);

        var result = Migrator.configure().target(db.target()).location(migrations.toString()).load().validate();

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).anySatisfy(problem -> assertThat(problem).contains("2", "checksum"));
    }

    @Test
    void pendingMigrationsAreNoValidationProblem(TestDatabase db) {
        var result = Migrator.configure().target(db.target()).location(Examples.of("flyway").toString()).load()
                .validate();
        assertThat(result.valid()).isTrue();
    }

    @Test
    void missingLocationIsAConfigurationError(TestDatabase db) {
        MigrateException failure = catchThrowableOfType(MigrateException.class, () -> Migrator.configure()
                .target(db.target()).location("no/such/dir").load().status());
        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).contains("no/such/dir", "does not exist");
    }

    @Test
    void unknownToolListsTheKnownOnes(TestDatabase db) {
        MigrateException failure = catchThrowableOfType(MigrateException.class, () -> Migrator.configure()
                .target(db.target()).tool("alembic").load().status());
        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).contains("alembic");
        assertThat(failure.hint()).contains("flyway");
    }
}

package dev.optamigrate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Reading what is pending (dry run, check, the safety gate) leaves Liquibase's lock row as it found it. */
class LiquibaseLockRowTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Test
    void pendingLeavesATakenLockRowTaken(TestDatabase db, @TempDir Path dir) throws Exception {
        Path location = MigrationSets.copy("liquibase", dir.resolve("m"));
        Migrator.configure().target(db.target()).location(location.toString()).load().migrate();
        MigrationSets.append("liquibase", location, "more", "CREATE TABLE more (id int);");
        db.execute("UPDATE databasechangeloglock SET locked = TRUE, lockedby = 'other-host (10.0.0.9)', "
                + "lockgranted = '2026-01-02 03:04:05'");

        assertThat(Migrator.configure().target(db.target()).location(location.toString()).load().pending())
                .singleElement().satisfies(pending -> assertThat(pending.sql()).contains("CREATE TABLE more"));

        assertThat(db.column("SELECT locked || ' ' || lockedby || ' ' || lockgranted FROM databasechangeloglock"))
                .containsExactly("true other-host (10.0.0.9) 2026-01-02 03:04:05");
    }
}

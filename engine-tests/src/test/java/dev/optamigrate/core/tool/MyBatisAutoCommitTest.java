package dev.optamigrate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.spi.UndoRequest;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * MyBatis Migrations with {@code auto_commit=true} in its environment file, a published configuration: every script
 * applies and is recorded, undo reverts, and a script that fails half-way is reported as what it is.
 */
class MyBatisAutoCommitTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    private Path location;
    private final List<MigrationEvent> events = new ArrayList<>();

    @BeforeEach
    void autoCommitEnvironment() throws Exception {
        location = MigrationSets.copy("mybatis", dir);
        Files.writeString(location.resolve("environments/development.properties"), "auto_commit=true\n",
                StandardOpenOption.APPEND);
    }

    @Test
    void everyScriptAppliesAndIsRecorded(TestDatabase db) throws Exception {
        MigrateResult result = migrator(db).migrate();

        assertThat(result.applied()).hasSize(5);
        assertThat(db.column("SELECT count(*) FROM changelog")).containsExactly("5");
        assertThat(db.column("SELECT status || ' ' || applied FROM opta_migrate.opta_migrate_journal"))
                .containsExactly("SUCCEEDED 5");
        assertThat(events).filteredOn(MigrationEvent.Warning.class::isInstance).singleElement().asString()
                .contains("auto_commit=true", "half-applied");
    }

    @Test
    void undoRevertsAndSaysSo(TestDatabase db) throws Exception {
        migrator(db).migrate();

        MigrateResult result = migrator(db).undo(UndoRequest.steps(2));

        assertThat(result.applied()).hasSize(2);
        assertThat(result.to()).isEqualTo("20250101000002");
        assertThat(db.column("SELECT count(*) FROM changelog")).containsExactly("3");
    }

    @Test
    void aScriptThatFailsHalfWaySaysWhatStays(TestDatabase db) throws Exception {
        MigrationSets.append("mybatis", location, "half", "CREATE TABLE half_done (id int);\nSELECT no_such();");

        MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator(db).migrate());

        assertThat(failure.code()).isEqualTo(CoreErrorCode.MIGRATION_FAILED);
        assertThat(failure.getMessage()).contains("no_such", "ran outside a transaction", "stay applied");
        assertThat(db.hasTable("half_done")).as("committed before the failing statement").isTrue();
        assertThat(db.column("SELECT count(*) FROM changelog")).containsExactly("5");
        assertThat(db.column("SELECT status || ' ' || applied FROM opta_migrate.opta_migrate_journal"))
                .containsExactly("FAILED 5");
    }

    private Migrator migrator(TestDatabase db) {
        return Migrator.configure().target(db.target()).tool("mybatis").location(location.toString())
                .addListener(events::add).load();
    }
}

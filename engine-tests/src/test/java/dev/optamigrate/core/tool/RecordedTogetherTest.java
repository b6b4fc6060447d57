package dev.optamigrate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.UndoRequest;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A migration that runs in a transaction commits together with its row in the tool's history, so a run that dies
 * between the two (here: writing the row fails, as a kill at that moment would leave it) leaves neither. Flyway does
 * this itself. Liquibase and MyBatis commit the change first and the row after; the random-kill suite found that a
 * Liquibase run killed between the two made the next run apply the changeset again. Undo too.
 */
class RecordedTogetherTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    static final List<String> TOOLS = MigrationSets.TOOLS;
    static final List<String> UNDOING_TOOLS = List.of("liquibase", "mybatis");
    /** Each tool's history table and the column that holds a migration's version or id. */
    private static final Map<String, String[]> HISTORY = Map.of("flyway", new String[] {"flyway_schema_history",
        "version"}, "liquibase", new String[] {"databasechangelog", "id"}, "mybatis", new String[] {"changelog", "id"});

    @TempDir
    Path directory;

    @ParameterizedTest
    @FieldSource("TOOLS")
    void aMigrationWhoseRowCannotBeWrittenLeavesNoChange(String tool, TestDatabase db) throws Exception {
        Path location = MigrationSets.copy(tool, directory);
        migrator(db, location).migrate();
        String version = MigrationSets.append(tool, location, "probe",
                "CREATE TABLE probe (id int); INSERT INTO probe VALUES (1);");
        refuseHistoryRow(db, tool, "INSERT", version);

        MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator(db, location)
                .migrate());

        assertThat(failure.getMessage()).contains("recording is refused");
        assertThat(db.column("SELECT to_regclass('probe')")).as("the migration was rolled back with its row")
                .containsExactly((String) null);
        db.execute("DROP TRIGGER refuse ON " + HISTORY.get(tool)[0]);
        assertThat(migrator(db, location).migrate().applied()).hasSize(1);
        assertThat(db.column("SELECT count(*) FROM probe")).containsExactly("1");
    }

    @ParameterizedTest
    @FieldSource("UNDOING_TOOLS")
    void anUndoWhoseRowCannotBeRemovedLeavesTheMigrationApplied(String tool, TestDatabase db) throws Exception {
        Path location = MigrationSets.copy(tool, directory);
        String version = MigrationSets.appendWithUndo(tool, location, "probe", "CREATE TABLE probe (id int);",
                "DROP TABLE probe;");
        migrator(db, location).migrate();
        refuseHistoryRow(db, tool, "DELETE", version);

        MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator(db, location)
                .undo(UndoRequest.steps(1)));

        assertThat(failure.getMessage()).contains("recording is refused");
        assertThat(db.column("SELECT to_regclass('probe')")).as("the undo was rolled back with the row's removal")
                .containsExactly("probe");
    }

    /** A trigger that refuses to insert or delete one migration's row, as a run killed at that moment would. */
    private static void refuseHistoryRow(TestDatabase db, String tool, String operation, String version)
            throws Exception {
        String[] history = HISTORY.get(tool);
        db.execute("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF (CASE TG_OP WHEN "
                + "'DELETE' THEN OLD." + history[1] + " ELSE NEW." + history[1] + " END)::text = '" + version
                + "' THEN RAISE EXCEPTION 'recording is refused'; END IF; RETURN CASE TG_OP WHEN 'DELETE' THEN OLD "
                + "ELSE NEW END; END $$");
        db.execute("CREATE TRIGGER refuse BEFORE " + operation + " ON " + history[0] + " FOR EACH ROW "
                + "EXECUTE FUNCTION refuse()");
    }

    private static Migrator migrator(TestDatabase db, Path location) {
        return Migrator.configure().target(db.target()).location(location.toString()).load();
    }
}

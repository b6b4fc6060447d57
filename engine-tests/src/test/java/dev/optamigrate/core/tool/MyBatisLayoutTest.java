package dev.optamigrate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MyBatisLayoutTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void bootstrapRunsOnceBeforeTheFirstMigration(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("mybatis", dir);
        Files.writeString(location.resolve("scripts/bootstrap.sql"),
                "CREATE TABLE bootstrap_runs (at timestamptz DEFAULT now());\nINSERT INTO bootstrap_runs DEFAULT VALUES;\n");

        migrator(db, location).migrate();
        MigrationSets.append("mybatis", location, "later", "SELECT 1;");
        migrator(db, location).migrate();

        assertThat(db.column("SELECT count(*) FROM bootstrap_runs")).containsExactly("1");
    }

    @Test
    void scriptsWithoutAChangelogTableAreRefusedBeforeAnyRuns(TestDatabase db) throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("20250101000001_first.sql"),
                "-- // first\nCREATE TABLE first_table (id int);\n-- //@UNDO\nDROP TABLE first_table;\n");

        MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator(db, dir).migrate());

        assertThat(failure.code()).isEqualTo(CoreErrorCode.INVALID_MIGRATIONS);
        assertThat(failure.getMessage()).contains("CHANGELOG does not exist", "20250101000001_first.sql",
                "Nothing was run");
        assertThat(failure.hint()).contains("migrate init", "CREATE TABLE ${changelog}");
        assertThat(db.hasTable("first_table")).as("the first script did not run").isFalse();
    }

    @Test
    void withoutAnEnvironmentFileTheChangelogVariableIsMyBatisDefault(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("mybatis", dir);
        Files.delete(location.resolve("environments/development.properties"));

        migrator(db, location).migrate();

        assertThat(db.column("SELECT count(*) FROM changelog")).containsExactly("5");
    }

    @Test
    void environmentFileSettingsApplyButItsConnectionIsIgnored(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("mybatis", dir);
        Files.writeString(location.resolve("environments/development.properties"),
                "changelog=MIGRATION_LOG\nurl=jdbc:postgresql://no-such-host.invalid/x\npassword=ignored\n");

        migrator(db, location).migrate();

        assertThat(db.hasTable("migration_log")).isTrue();
        assertThat(db.column("SELECT count(*) FROM migration_log")).containsExactly("5");
    }

    private static Migrator migrator(TestDatabase db, Path location) {
        return Migrator.configure().target(db.target()).tool("mybatis").location(location.toString()).load();
    }
}

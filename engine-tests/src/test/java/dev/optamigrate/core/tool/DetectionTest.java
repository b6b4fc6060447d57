package dev.optamigrate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.testing.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionTest {
    private final MigrationTools tools = MigrationTools.discover(getClass().getClassLoader());

    @TempDir
    Path dir;

    @Test
    void emptyLocationSaysWhatWasLookedFor() {
        MigrateException failure = catchThrowableOfType(MigrateException.class, () -> tools.detect(dir.toString()));
        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).contains("No migrations recognized", "V<version>__", "master changelog",
                "scripts/");
        assertThat(failure.hint()).contains("--tool");
    }

    @Test
    void flywayFilesWithAnUpperCaseSuffixAreRecognizedAsFlywayRunsThem() throws Exception {
        Files.writeString(dir.resolve("V1__init.SQL"), "SELECT 1;");
        assertThat(tools.detect(dir.toString()).tool()).isEqualTo("flyway");
    }

    @Test
    void ambiguousLocationNamesTheEvidence() throws Exception {
        Files.writeString(dir.resolve("V1__init.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("changelog.yaml"), "databaseChangeLog: []\n");
        MigrateException failure = catchThrowableOfType(MigrateException.class, () -> tools.detect(dir.toString()));
        assertThat(failure.getMessage()).contains("several tools", "flyway", "liquibase", "changelog.yaml");
    }

    @Test
    void aChangelogFileIsLiquibase() {
        Path master = Examples.of("liquibase").resolve("db.changelog-master.yaml");
        assertThat(tools.detect(master.toString()).tool()).isEqualTo("liquibase");
    }

    @Test
    void classpathLocationsNeedANamedTool() {
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> tools.detect("classpath:db/migration"));
        assertThat(failure.hint()).contains("--tool");
    }

    @Test
    void missingLocation() {
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> tools.detect(dir.resolve("nope").toString()));
        assertThat(failure.getMessage()).contains("does not exist");
    }
}

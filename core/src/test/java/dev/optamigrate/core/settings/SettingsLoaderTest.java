package dev.optamigrate.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void flagsBeatEnvironmentBeatsFileBeatsDefaults() throws Exception {
        Files.writeString(dir.resolve("opta-migrate.yaml"), "location: from-file\nlock-wait: 1m\ntool: flyway\n"
                + "env:\n  host: FILE_HOST\n");

        Settings settings = SettingsLoader.load(Map.of(CoreSetting.LOCATION, "from-flag"),
                Map.of("OPTA_MIGRATE_LOCATION", "from-env", "OPTA_MIGRATE_LOCK_WAIT", "2m"), Optional.empty(), dir);

        assertThat(settings.get(CoreSetting.LOCATION)).contains("from-flag");
        assertThat(settings.duration(CoreSetting.LOCK_WAIT)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.get(CoreSetting.ENV_HOST)).contains("FILE_HOST");
        assertThat(settings.sourceOf(CoreSetting.ENV_HOST)).contains("opta-migrate.yaml");
        assertThat(settings.get(CoreSetting.CONNECT_TIMEOUT)).contains("10s");
        assertThat(settings.sourceOf(CoreSetting.CONNECT_TIMEOUT)).isEqualTo("the default");
    }

    @Test
    void aConfigThatIsNoFileSaysWhatItIs() throws Exception {
        assertThat(configRefusal(dir)).contains("is a directory");
        assertThat(configRefusal(Path.of("/dev/zero"))).contains("is not a regular file");
        assertThat(configRefusal(dir.resolve("missing.yaml"))).contains("does not exist");
    }

    @Test
    void aConfigThatIsNotUtf8OrTooLargeIsNotCalledBadYaml() throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), "location: caf\u00e9\n".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(configRefusal(latin1)).contains("is not UTF-8 text").doesNotContain("line 1");

        Path large = Files.write(dir.resolve("large.yaml"), new byte[ConfigFileText.MAX_BYTES + 1]);
        assertThat(configRefusal(large)).contains("larger than 1 MB");
    }

    private String configRefusal(Path file) {
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> SettingsLoader.load(Map.of(), Map.of(), Optional.of(file), dir));
        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.hint()).doesNotContain("YAML syntax");
        return failure.getMessage();
    }

    @Test
    void theAllowListIsReadBesideTheSettings() throws Exception {
        Files.writeString(dir.resolve("opta-migrate.yaml"), """
                location: db/migration
                allow:
                  - migration: V42__orders_index.sql
                    rule: index-not-concurrent
                    reason: orders is written once a day, at night
                """);

        Settings settings = SettingsLoader.load(Map.of(), Map.of(), Optional.empty(), dir);

        assertThat(settings.get(CoreSetting.LOCATION)).contains("db/migration");
        assertThat(settings.allowList().entries()).singleElement().satisfies(entry -> {
            assertThat(entry.migration()).isEqualTo("V42__orders_index.sql");
            assertThat(entry.reason()).isEqualTo("orders is written once a day, at night");
        });
    }

    @Test
    void anAllowListThatIsNotAListOfEntriesIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), "allow: index-not-concurrent\n");
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> SettingsLoader.load(Map.of(), Map.of(), Optional.of(file), dir));
        assertThat(failure.getMessage()).contains("must be a list of entries with migration, rule and reason");
    }

    @Test
    void unknownKeyIsAnErrorThatListsTheKnownOnes() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), "locaton: db\n");
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> SettingsLoader.load(Map.of(), Map.of(), Optional.of(file), dir));
        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).contains("locaton");
        assertThat(failure.hint()).contains("location", "lock-wait");
    }

    @Test
    void passwordInTheFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), "password: hunter2\n");
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> SettingsLoader.load(Map.of(), Map.of(), Optional.of(file), dir));
        assertThat(failure.getMessage()).contains("contains a password").doesNotContain("hunter2");
    }

    @Test
    void namedConfigFileMustExist() {
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> SettingsLoader.load(Map.of(), Map.of(), Optional.of(dir.resolve("nope.yaml")), dir));
        assertThat(failure.getMessage()).contains("nope.yaml", "does not exist");
    }

    @Test
    void brokenYamlNamesTheLine() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), "tool: flyway\nlocation: [unclosed\n");
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> SettingsLoader.load(Map.of(), Map.of(), Optional.of(file), dir));
        assertThat(failure.getMessage()).contains("not valid YAML", "line");
    }

    @Test
    void badDurationFailsAtLoadingAndNamesItsSource() {
        MigrateException failure = catchThrowableOfType(MigrateException.class, () -> SettingsLoader.load(Map.of(),
                Map.of("OPTA_MIGRATE_LOCK_WAIT", "ten minutes"), Optional.empty(), dir));
        assertThat(failure.getMessage()).contains("OPTA_MIGRATE_LOCK_WAIT", "ten minutes");
    }

    @Test
    void badSslModeFailsAtLoading() {
        MigrateException failure = catchThrowableOfType(MigrateException.class, () -> SettingsLoader.load(
                Map.of(CoreSetting.SSLMODE, "bogus"), Map.of(), Optional.empty(), dir));
        assertThat(failure.getMessage()).contains("bogus");
        assertThat(failure.hint()).contains("verify-full");
    }
}

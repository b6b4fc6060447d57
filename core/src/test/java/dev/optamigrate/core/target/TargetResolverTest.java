package dev.optamigrate.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetResolverTest {
    @TempDir
    Path dir;

    @Test
    void readsAJdbcUrlWithPasswordFromTheEnvironment() {
        Target target = resolve(Map.of(CoreSetting.URL,
                "jdbc:postgresql://db.internal:6543/shop?user=app&currentSchema=s"),
                Map.of("OPTA_MIGRATE_PASSWORD", "hunter2"));

        assertThat(target.host()).isEqualTo("db.internal");
        assertThat(target.port()).isEqualTo(6543);
        assertThat(target.database()).isEqualTo("shop");
        assertThat(target.user()).isEqualTo("app");
        assertThat(target.password()).map(Password::reveal).contains("hunter2");
        assertThat(target.properties()).containsEntry("currentSchema", "s");
        assertThat(target.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(target.toString()).doesNotContain("hunter2").contains("******");
        assertThat(target.describe()).doesNotContain("hunter2");
    }

    @Test
    void refusesAUrlThatCarriesAPassword() {
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> resolve(Map.of(CoreSetting.URL, "jdbc:postgresql://h/db?user=a&password=topsecret"), Map.of()));
        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).contains("contains a password").doesNotContain("topsecret");
        assertThat(failure.hint()).contains("OPTA_MIGRATE_PASSWORD");
    }

    @Test
    void refusesUserInfoInTheUrlWithoutEchoingIt() {
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> resolve(Map.of(CoreSetting.URL, "jdbc:postgresql://app:S3cret@db:5432/shop"), Map.of()));
        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).contains("user-info").doesNotContain("S3cret");
    }

    @Test
    void namesAPortOutOfRangeAsSuch() {
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> resolve(Map.of(CoreSetting.URL, "jdbc:postgresql://db:99999/shop?user=a"), Map.of()));
        assertThat(failure.getMessage()).contains("port", "1-65535").doesNotContain("not a PostgreSQL JDBC URL");
    }

    @Test
    void refusesAnOptaHostThatCarriesAUrlTail() {
        MigrateException failure = catchThrowableOfType(MigrateException.class, () -> resolve(Map.of(), Map.of(
                "DBHOST", "127.0.0.1:5432/other?password=S3cret&", "DBNAME", "app", "DBUSER", "u")));
        assertThat(failure.getMessage()).startsWith("DBHOST is not a host name").doesNotContain("S3cret");
    }

    @Test
    void usesTheOptaPasswordWithAUrlAndSaysWhereEachPasswordCameFrom() {
        Target fromOpta = resolve(Map.of(CoreSetting.URL, "jdbc:postgresql://db/shop?user=a"), Map.of("DBPASS", "pw"));
        assertThat(fromOpta.password()).map(Password::source).contains("DBPASS");

        Target fromVariable = resolve(Map.of(CoreSetting.URL, "jdbc:postgresql://db/shop?user=a"),
                Map.of("DBPASS", "pw", "OPTA_MIGRATE_PASSWORD", "other\n"));
        assertThat(fromVariable.password()).map(Password::reveal).contains("other");
        assertThat(fromVariable.password()).map(Password::source).contains("OPTA_MIGRATE_PASSWORD");
    }

    @Test
    void readsOptaLinkedSecretVariables() {
        Target target = resolve(Map.of(), Map.of("DBHOST", "pg.svc", "DBPORT", "5433", "DBNAME", "orders",
                "DBUSER", "svc", "DBPASS", "pw"));
        assertThat(target.describe()).isEqualTo("svc@pg.svc:5433/orders (sslmode=prefer)");
        assertThat(target.password()).map(Password::reveal).contains("pw");
    }

    @Test
    void variableNamesAreConfigurable() {
        Target target = resolve(Map.of(), Map.of("OPTA_MIGRATE_ENV_HOST", "PGHOST_X", "PGHOST_X", "h",
                "DBNAME", "d", "DBUSER", "u"));
        assertThat(target.host()).isEqualTo("h");
        assertThat(target.port()).isEqualTo(5432);
        assertThat(target.password()).isEmpty();
    }

    @Test
    void detectsOptaModuleDefaultNames() {
        Target target = resolve(Map.of(), Map.of("maindb_db_host", "10.0.0.5", "maindb_db_name", "app",
                "maindb_db_user", "app_user", "maindb_db_password", "pw"));
        assertThat(target.host()).isEqualTo("10.0.0.5");
        assertThat(target.user()).isEqualTo("app_user");
        assertThat(target.password()).map(Password::reveal).contains("pw");
    }

    @Test
    void severalLinkedDatabasesAreAmbiguous() {
        MigrateException failure = catchThrowableOfType(MigrateException.class, () -> resolve(Map.of(),
                Map.of("a_db_host", "h1", "b_db_host", "h2")));
        assertThat(failure.getMessage()).contains("a_db_host", "b_db_host");
    }

    @Test
    void noTargetListsEverythingLookedFor() {
        MigrateException failure = catchThrowableOfType(MigrateException.class, () -> resolve(Map.of(), Map.of()));
        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).contains("--url", "OPTA_MIGRATE_URL", "DBHOST", "<module>_db_host");
        assertThat(failure.hint()).contains("--embedded");
    }

    @Test
    void passwordFileWinsOverTheEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "from-file\n");
        Target target = resolve(Map.of(CoreSetting.URL, "jdbc:postgresql://h/db?user=u", CoreSetting.PASSWORD_FILE,
                file.toString()), Map.of("OPTA_MIGRATE_PASSWORD", "from-env"));
        assertThat(target.password()).map(Password::reveal).contains("from-file");
    }

    @Test
    void urlWithoutUserNeedsOne() {
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> resolve(Map.of(CoreSetting.URL, "jdbc:postgresql://h/db"), Map.of()));
        assertThat(failure.getMessage()).contains("No database user");
    }

    private Target resolve(Map<Setting, String> flags, Map<String, String> env) {
        return new TargetResolver(SettingsLoader.load(flags, env, Optional.empty(), dir)).resolve();
    }
}

package dev.optamigrate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** How Spring properties become the engine's settings, and which ones are refused with the fix. */
class SpringSettingsTest {
    private static final String URL = "jdbc:postgresql://db.internal:5432/shop";

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("spring.datasource.url", URL)
            .withProperty("spring.datasource.username", "shop")
            .withProperty("spring.datasource.password", "pool-Pa55");

    private Settings read() {
        return readAll().settings();
    }

    private SpringSettings readAll() {
        return SpringSettings.read(environment, Map.of(), getClass().getClassLoader());
    }

    @Test
    void bothToolsOnTheClasspathNeedOneNamed() {
        assertThatThrownBy(this::read).isInstanceOf(MigrateException.class)
                .hasMessageContaining("Both Flyway and Liquibase")
                .satisfies(e -> assertThat(((MigrateException) e).hint()).contains("opta-migrate.tool"));
    }

    @Test
    void flywayReadsSpringBootsLocationAndTheDataSource() {
        environment.withProperty("opta-migrate.tool", "flyway")
                .withProperty("spring.flyway.locations[0]", "classpath:db/migration/{vendor}")
                .withProperty("spring.flyway.placeholders.owner", "shop");

        SpringSettings read = readAll();
        Settings settings = read.settings();

        assertThat(settings.get(CoreSetting.LOCATION)).contains("classpath:db/migration/postgresql");
        assertThat(settings.get(CoreSetting.PLACEHOLDERS)).contains("owner=shop");
        assertThat(read.target().describe()).isEqualTo("shop@db.internal:5432/shop (sslmode=prefer)");
        assertThat(read.target().password().orElseThrow().source()).isEqualTo("spring.datasource.password");
        assertThat(read.target().password().orElseThrow().reveal()).isEqualTo("pool-Pa55");
        assertThat(read.target()).asString().doesNotContain("pool-Pa55");
    }

    @Test
    void theToolsOwnConnectionWinsOverTheDataSource() {
        environment.withProperty("opta-migrate.tool", "liquibase")
                .withProperty("spring.liquibase.url", "jdbc:postgresql://db.internal:5432/shop?sslmode=require")
                .withProperty("spring.liquibase.user", "shop_owner")
                .withProperty("spring.liquibase.password", "owner-Pa55")
                .withProperty("spring.liquibase.contexts", "prod,eu");

        SpringSettings read = readAll();
        Settings settings = read.settings();

        assertThat(read.target().describe()).isEqualTo("shop_owner@db.internal:5432/shop (sslmode=require)");
        assertThat(read.target().password().orElseThrow().source()).isEqualTo("spring.liquibase.password");
        assertThat(settings.get(CoreSetting.LOCATION)).contains("classpath:/db/changelog/db.changelog-master.yaml");
        assertThat(settings.get(CoreSetting.CONTEXTS)).contains("prod,eu");
    }

    @Test
    void aPropertyThatMovesTheHistoryIsRefusedNotIgnored() {
        environment.withProperty("opta-migrate.tool", "flyway").withProperty("spring.flyway.table", "schema_versions");

        assertThatThrownBy(this::read).isInstanceOf(MigrateException.class)
                .hasMessageContaining("spring.flyway.table is set").hasMessageContaining("Nothing was changed")
                .satisfies(e -> assertThat(((MigrateException) e).hint()).contains("opta-migrate.enabled=false"));
    }

    @Test
    void severalFlywayLocationsAreRefusedWithTheFix() {
        environment.withProperty("opta-migrate.tool", "flyway")
                .withProperty("spring.flyway.locations", "classpath:db/migration,classpath:db/testdata");

        assertThatThrownBy(this::read).isInstanceOf(MigrateException.class)
                .hasMessageContaining("names 2 locations")
                .satisfies(e -> assertThat(((MigrateException) e).hint()).contains("opta-migrate.location"));
    }

    @Test
    void noDatabaseSaysWhichPropertyToSet() {
        MockEnvironment bare = new MockEnvironment().withProperty("opta-migrate.tool", "flyway");

        assertThatThrownBy(() -> SpringSettings.read(bare, Map.of(), getClass().getClassLoader()))
                .isInstanceOf(MigrateException.class).hasMessageContaining("spring.datasource.url is not set");
    }

    @Test
    void aBadSettingIsNamedAsTheApplicationsProperty() {
        environment.withProperty("opta-migrate.tool", "flyway").withProperty("opta-migrate.lock-wait", "soon");

        Settings settings = read();

        assertThatThrownBy(() -> settings.duration(CoreSetting.LOCK_WAIT)).hasMessageContaining(
                "opta-migrate.lock-wait");
    }
}

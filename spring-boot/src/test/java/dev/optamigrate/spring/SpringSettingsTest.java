package dev.optamigrate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** How Spring properties become the engine's settings, and which ones are refused with the fix. */
class SpringSettingsTest {
    private static final String URL = "jdbc:postgresql://db.internal:5432/shop";

    private final Map<String, Object> properties = new HashMap<>(Map.of(
            "spring.datasource.url", URL,
            "spring.datasource.username", "shop",
            "spring.datasource.password", "pool-Pa55"));
    private final StandardEnvironment environment = environment(properties);

    /** An application's environment with these properties over the process's own. */
    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

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
        properties.put("opta-migrate.tool", "flyway");
        properties.put("spring.flyway.locations[0]", "classpath:db/migration/{vendor}");
        properties.put("spring.flyway.placeholders.owner", "shop");

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
        properties.put("opta-migrate.tool", "liquibase");
        properties.put("spring.liquibase.url", "jdbc:postgresql://db.internal:5432/shop?sslmode=require");
        properties.put("spring.liquibase.user", "shop_owner");
        properties.put("spring.liquibase.password", "owner-Pa55");
        properties.put("spring.liquibase.contexts", "prod,eu");

        SpringSettings read = readAll();
        Settings settings = read.settings();

        assertThat(read.target().describe()).isEqualTo("shop_owner@db.internal:5432/shop (sslmode=require)");
        assertThat(read.target().password().orElseThrow().source()).isEqualTo("spring.liquibase.password");
        assertThat(settings.get(CoreSetting.LOCATION)).contains("classpath:/db/changelog/db.changelog-master.yaml");
        assertThat(settings.get(CoreSetting.CONTEXTS)).contains("prod,eu");
    }

    @Test
    void anEmptyPasswordIsNone() {
        properties.put("opta-migrate.tool", "flyway");
        properties.put("spring.datasource.password", "");

        assertThat(readAll().target().password()).isEmpty();
    }

    @Test
    void aPropertyThatMovesTheHistoryIsRefusedNotIgnored() {
        properties.put("opta-migrate.tool", "flyway");
        properties.put("spring.flyway.table", "schema_versions");

        assertThatThrownBy(this::read).isInstanceOf(MigrateException.class)
                .hasMessageContaining("spring.flyway.table is set").hasMessageContaining("Nothing was changed")
                .satisfies(e -> assertThat(((MigrateException) e).hint()).contains("opta-migrate.enabled=false"));
    }

    @Test
    void severalFlywayLocationsAreRefusedWithTheFix() {
        properties.put("opta-migrate.tool", "flyway");
        properties.put("spring.flyway.locations", "classpath:db/migration,classpath:db/testdata");

        assertThatThrownBy(this::read).isInstanceOf(MigrateException.class)
                .hasMessageContaining("names 2 locations")
                .satisfies(e -> assertThat(((MigrateException) e).hint()).contains("opta-migrate.location"));
    }

    @Test
    void noDatabaseSaysWhichPropertyToSet() {
        StandardEnvironment bare = environment(Map.of("opta-migrate.tool", "flyway"));

        assertThatThrownBy(() -> SpringSettings.read(bare, Map.of(), getClass().getClassLoader()))
                .isInstanceOf(MigrateException.class).hasMessageContaining("spring.datasource.url is not set");
    }

    @Test
    void aBadSettingIsNamedAsTheApplicationsProperty() {
        properties.put("opta-migrate.tool", "flyway");
        properties.put("opta-migrate.lock-wait", "soon");

        Settings settings = read();

        assertThatThrownBy(() -> settings.duration(CoreSetting.LOCK_WAIT)).hasMessageContaining(
                "opta-migrate.lock-wait");
    }
}

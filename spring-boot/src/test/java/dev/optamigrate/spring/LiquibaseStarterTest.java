package dev.optamigrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

class LiquibaseStarterTest extends StarterContract {
    @Override
    Map<String, String> tool() {
        return Map.of("opta-migrate.tool", "liquibase");
    }

    @Override
    Map<String, String> failingSet() {
        return Map.of("opta-migrate.tool", "liquibase", "spring.liquibase.change-log",
                "classpath:db/changelog/failing.yaml");
    }

    @Override
    List<String> history(TestDatabase db) throws Exception {
        return db.column("SELECT filename || ':' || id FROM databasechangelog ORDER BY orderexecuted");
    }

    @Override
    List<String> expectedHistory() {
        return List.of("db/changelog/v1/greeting.yaml:1-create-greeting", "db/changelog/v2/seed.sql:2-seed-greeting");
    }

    @Override
    String finalVersion() {
        return "2-seed-greeting";
    }

    @Override
    String failingFile() {
        return "2-broken";
    }

    /** An application that migrated with Spring Boot's own Liquibase finds nothing pending after the switch. */
    @Test
    void takesOverFromSpringBootsLiquibaseWithoutApplyingAgain(TestDatabase db) throws Exception {
        Map<String, String> springBootAlone = Map.of("opta-migrate.enabled", "false", "spring.flyway.enabled", "false");
        try (ConfigurableApplicationContext before = TestApp.start(db, springBootAlone)) {
            assertThat(before.getBean(TestApp.GreetingReader.class).greetings()).isEqualTo(1);
        }
        List<String> recordedBySpringBoot = history(db);

        try (ConfigurableApplicationContext after = TestApp.start(db, tool())) {
            assertThat(after.getBean(TestApp.GreetingReader.class).greetings()).isEqualTo(1);
        }
        assertThat(history(db)).isEqualTo(recordedBySpringBoot).containsExactlyElementsOf(expectedHistory());
        assertThat(db.column("SELECT applied FROM opta_migrate.opta_migrate_journal")).containsExactly("0");
    }
}

package dev.optamigrate.spring;

import dev.optamigrate.core.testing.TestDatabase;
import java.util.List;
import java.util.Map;

class FlywayStarterTest extends StarterContract {
    @Override
    Map<String, String> tool() {
        return Map.of("opta-migrate.tool", "flyway");
    }

    @Override
    Map<String, String> failingSet() {
        return Map.of("opta-migrate.tool", "flyway", "spring.flyway.locations", "classpath:db/failing");
    }

    @Override
    List<String> history(TestDatabase db) throws Exception {
        return db.column("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL AND success "
                + "ORDER BY installed_rank");
    }

    @Override
    List<String> expectedHistory() {
        return List.of("1", "2");
    }

    @Override
    String finalVersion() {
        return "2";
    }

    @Override
    String failingFile() {
        return "V2__broken.sql";
    }
}

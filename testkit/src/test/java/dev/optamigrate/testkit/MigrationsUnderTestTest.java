package dev.optamigrate.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.testing.MigrationSets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test kit as an application uses it, on the embedded PostgreSQL: sets that pass, and ones that must not. */
class MigrationsUnderTestTest {
    @RegisterExtension
    static final MigrationDatabase POSTGRES = MigrationDatabase.embedded();

    @TempDir
    Path dir;

    /**
     * The README's example. The example set builds an index on orders one migration after creating it, which
     * blocks writes once orders holds rows: accepted here, as an application would for a migration it shipped
     * long ago.
     */
    @Test
    void migrationsAreSafe() {
        POSTGRES.migrations("classpath:db/migration").tool("flyway")
                .accepting("index-not-concurrent")
                .areSafe()
                .passTheRehearsal();
    }

    @ParameterizedTest
    @ValueSource(strings = {"flyway", "liquibase", "mybatis"})
    void eachToolsSampleSetPassesEveryCheck(String tool) {
        Path location = MigrationSets.copy(tool, dir);

        POSTGRES.migrations(location.toString()).accepting("index-not-concurrent").areSafe().passTheRehearsal();
    }

    @Test
    void anUnsafeMigrationFailsNamingTheRuleTheFileAndTheLine() {
        Path location = MigrationSets.copy("flyway", dir);
        String version = MigrationSets.append("flyway", location, "widen email", "-- longer addresses\n"
                + "ALTER TABLE customers ALTER COLUMN email TYPE varchar(500);");

        assertThatThrownBy(() -> POSTGRES.migrations(location.toString()).accepting("index-not-concurrent")
                .areSafe())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("The safety check of " + location + " found 1 error(s):")
                .hasMessageContaining("V" + version + "__widen_email.sql:2 rewrite-column-type (error)")
                .hasMessageContaining("fix: ");
        assertThatThrownBy(() -> POSTGRES.migrations(location.toString()).areSafe())
                .hasMessageContaining("found 2 error(s)").hasMessageContaining("V3__index_orders_by_customer.sql");
    }

    @Test
    void aMigrationThatFailsToApplyFailsWithTheToolsMessage() {
        Path location = MigrationSets.copy("flyway", dir);
        MigrationSets.append("flyway", location, "broken", "ALTER TABLE nowhere ADD COLUMN x int;");

        assertThatThrownBy(() -> POSTGRES.migrations(location.toString()).applyFromEmptyAndAgainAsANoOp())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Could not apply the migrations from empty at " + location)
                .hasMessageContaining("nowhere");
    }
}

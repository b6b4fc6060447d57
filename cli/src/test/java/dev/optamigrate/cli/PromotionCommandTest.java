package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Staging first from the command line: a receipt written on staging, carried to production as a file. */
class PromotionCommandTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void productionRunsWhatTheStagingReceiptProvesAndRefusesTheRestWithExit30() throws Exception {
        TestDatabase staging = POSTGRES.newDatabase();
        TestDatabase production = POSTGRES.newDatabase();
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        Path receipt = dir.resolve("staging-receipt.json");
        assertThat(Cli.migrate(dir, staging.url(), location, "--release", "shop:1.8").exitCode()).isZero();

        Cli.Result unnamed = Cli.run(dir, "history", "--url", staging.url(), "--receipt", receipt.toString());
        Cli.Result written = Cli.run(dir, "history", "--url", staging.url(), "--environment", "staging",
                "--receipt", receipt.toString());
        String hotfix = MigrationSets.append("flyway", location, "hotfix", "CREATE TABLE hotfix (id int);");
        Cli.Result refused = Cli.migrate(dir, production.url(), location, "--require-rehearsal", "staging",
                "--rehearsal-receipt", receipt.toString());
        boolean changedByRefusedRun = production.hasTable("customers");
        Cli.Result skipped = Cli.migrate(dir, production.url(), location, "--require-rehearsal", "staging",
                "--rehearsal-receipt", receipt.toString(), "--skip-rehearsal", "INC-4711: staging rebuilt");

        assertThat(unnamed.exitCode()).isEqualTo(2);
        assertThat(unnamed.err()).contains("A receipt names its environment", "--environment");
        assertThat(written.exitCode()).as(written.all()).isZero();
        assertThat(written.out()).contains("Wrote the receipt " + receipt + ": 4 migration(s) applied on staging, "
                + "the latest with release shop:1.8.");
        assertThat(Files.readString(receipt)).contains("\"format\" : \"opta-migrate-receipt/1\"")
                .doesNotContain(staging.url(), PostgresExtension.APP_PASSWORD);
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(30);
        assertThat(refused.err()).contains(hotfix + " (V" + hotfix + "__hotfix.sql): never applied "
                + "on staging", "--skip-rehearsal");
        assertThat(changedByRefusedRun).isFalse();
        assertThat(skipped.exitCode()).as(skipped.all()).isZero();
        assertThat(skipped.all()).contains("Running anyway: INC-4711: staging rebuilt");
        assertThat(production.column("SELECT status FROM opta_migrate.opta_migrate_journal ORDER BY id"))
                .containsExactly("REFUSED", "SUCCEEDED");
    }
}

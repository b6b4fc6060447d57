package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void rehearsesWhatIsPendingOnTheTargetAndEstimatesItsLocks(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        assertThat(Cli.run(dir, "migrate", "--url", db.url(), "--location", location.toString()).exitCode()).isZero();
        db.execute("INSERT INTO customers (email, name) SELECT 'c' || i || '@example.com', 'C' || i "
                + "FROM generate_series(1, 20000) i");
        db.execute("ANALYZE customers");
        MigrationSets.append("flyway", location, "ref", "SET lock_timeout = '5s';\n"
                + "ALTER TABLE customers ADD COLUMN ref uuid DEFAULT gen_random_uuid();\n");

        Cli.Result result = Cli.run(dir, "verify", "--url", db.url(), "--location", location.toString(),
                "--shadow-url", db.url(), "--output", "json");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(21);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("replayed").asInt()).isEqualTo(4);
        assertThat(report.get("estimated").asBoolean()).isTrue();
        assertThat(report.get("shadow").asText()).startsWith("scratch database opta_migrate_shadow_");
        JsonNode statement = report.get("statements").get(1);
        assertThat(statement.get("statement").asText()).startsWith("ALTER TABLE customers ADD COLUMN ref");
        JsonNode lock = statement.get("locks").get(0);
        assertThat(lock.get("relation").asText()).isEqualTo("public.customers");
        assertThat(lock.get("mode").asText()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(lock.get("blocks").asText()).isEqualTo("reads and writes");
        assertThat(lock.get("rewritten").asBoolean()).isTrue();
        assertThat(lock.at("/estimate/rows").asDouble()).isEqualTo(20000.0);
        assertThat(lock.at("/estimate/durationMs").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(report.get("findings")).extracting(f -> f.get("rule").asText() + "/" + f.get("measured").asBoolean())
                .contains("rewrite-column-default/false", "measured-blocking-lock/true");
        assertThat(db.column("SELECT count(*)::text FROM pg_database WHERE datname LIKE 'opta_migrate_shadow_%'"))
                .as("the scratch database is dropped").containsExactly("0");
        assertThat(db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'customers' "
                + "AND column_name = 'ref'")).as("the target is never changed").isEmpty();
    }

    @Test
    void textOutputNamesEachStatementsLocks(TestDatabase db) {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));

        Cli.Result result = Cli.run(dir, "verify", "--location", location.toString(), "--shadow-url", db.url());

        assertThat(result.exitCode()).as(result.all()).isZero();
        Cli.Result noUser = Cli.run(dir, "verify", "--location", location.toString(), "--shadow-url",
                "jdbc:postgresql://localhost:5432/postgres");
        assertThat(noUser.exitCode()).isEqualTo(2);
        assertThat(noUser.err()).contains("No database user: the URL from --shadow-url has none", "?user=postgres",
                "OPTA_MIGRATE_SHADOW_PASSWORD").doesNotContain("--user is not set");
        Cli.Result withPassword = Cli.run(dir, "verify", "--location", location.toString(), "--shadow-url",
                "jdbc:postgresql://localhost:5432/postgres?user=postgres&password=leaky");
        assertThat(withPassword.err()).contains("The URL from --shadow-url contains a password",
                "OPTA_MIGRATE_SHADOW_PASSWORD").doesNotContain("leaky").doesNotContain("--password-file");
        assertThat(result.out()).contains("no target and no --stats, so no estimates",
                "V3__index_orders_by_customer.sql:2: CREATE INDEX orders_customer_placed_idx",
                "SHARE on public.orders (blocks writes): index build",
                "ACCESS EXCLUSIVE on public.customers (blocks reads and writes): catalog only");
    }

    @Test
    void aStatsFileStandsInForTheTargetItWasExportedFrom(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        assertThat(Cli.run(dir, "migrate", "--url", db.url(), "--location", location.toString()).exitCode()).isZero();
        db.execute("INSERT INTO customers (email, name) SELECT 'c' || i || '@example.com', 'C' || i "
                + "FROM generate_series(1, 20000) i");
        db.execute("ANALYZE customers");
        Cli.Result export = Cli.run(dir, "stats", "export", "--url", db.url(), "--location", location.toString(),
                "--file", "prod-stats.json", "--sample", "1s");
        Cli.Result sizesOnly = Cli.run(dir, "stats", "export", "--url", db.url(), "--file", "sizes-only.json",
                "--sample", "1s");
        MigrationSets.append("flyway", location, "ref", "SET lock_timeout = '5s';\n"
                + "ALTER TABLE customers ADD COLUMN ref uuid DEFAULT gen_random_uuid();\n");
        ObjectNode stats = (ObjectNode) JSON.readTree(dir.resolve("prod-stats.json").toFile());
        for (JsonNode table : stats.get("tables")) {
            if (table.get("name").asText().equals("customers")) {
                ((ObjectNode) table).put("tableBytes", 44_000_000_000L).put("totalBytes", 52_000_000_000L)
                        .put("rows", 120_000_000L);
            }
        }
        JSON.writeValue(dir.resolve("prod-stats.json").toFile(), stats);

        Cli.Result result = Cli.run(dir, "verify", "--location", location.toString(), "--stats", "prod-stats.json",
                "--shadow-url", db.url(), "--output", "json");
        Cli.Result both = Cli.run(dir, "verify", "--url", db.url(), "--location", location.toString(), "--stats",
                "prod-stats.json");
        Cli.Result withoutHistory = Cli.run(dir, "verify", "--location", location.toString(), "--stats",
                "sizes-only.json", "--shadow-url", db.url());

        assertThat(export.exitCode()).as(export.all()).isZero();
        assertThat(export.out()).contains("4 applied migrations");
        assertThat(sizesOnly.out()).doesNotContain("applied migrations");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(21);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("replayed").asInt()).as("the file's history is replayed").isEqualTo(4);
        assertThat(report.get("sizesFrom").asText()).startsWith("the table sizes in prod-stats.json (taken 20");
        JsonNode lock = report.get("statements").get(1).get("locks").get(0);
        assertThat(lock.get("relation").asText()).isEqualTo("public.customers");
        assertThat(lock.at("/estimate/bytes").asLong()).isEqualTo(52_000_000_000L);
        assertThat(lock.at("/estimate/rows").asDouble()).isEqualTo(1.2e8);
        assertThat(lock.at("/estimate/durationMs").asLong()).as("48 GB is not rewritten in a second")
                .isGreaterThan(1000);
        assertThat(report.get("findings")).extracting(f -> f.get("message").asText())
                .anyMatch(message -> message.contains("public.customers (48.4 GB, ~120M rows)"));
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--stats stands in for a target", "Give one of them");
        assertThat(withoutHistory.exitCode()).isEqualTo(2);
        assertThat(withoutHistory.err()).contains("does not say which migrations the target has applied",
                "stats export --location");
        assertThat(db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'customers' "
                + "AND column_name = 'ref'")).as("the target is never changed").isEmpty();
    }
}

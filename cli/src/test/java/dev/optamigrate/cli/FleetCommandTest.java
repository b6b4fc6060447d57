package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleet migrate} and {@code fleet status} as a user runs them, a kill -9 and a resume included. */
class FleetCommandTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FLEET_ID = Pattern.compile("Fleet run (fleet-[0-9a-f-]+):");

    @TempDir
    Path dir;

    @Test
    void aRunKilledMidwayIsResumedAndNoTenantIsMigratedTwice(TestDatabase db) throws Exception {
        Path location = migrations(3, "SELECT pg_sleep(0.1);\n");
        writeTenants(30);
        Path output = dir.resolve("killed.txt");
        Process killed = Cli.start(Map.of(), output, List.of("fleet", "migrate", "--url", db.url(), "--location",
                location.toString(), "--targets", dir.resolve("tenants.txt").toString(), "--per-server", "2",
                "--canary", "0"));
        String id = awaitFleetId(output);
        awaitSucceeded(db, id, 6);
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int doneAtKill = Integer.parseInt(db.column("SELECT count(*) FROM opta_migrate.opta_migrate_journal "
                + "WHERE fleet = '" + id + "' AND status = 'SUCCEEDED'").get(0));

        Cli.Result resumed = Cli.run(dir, "fleet", "migrate", "--url", db.url(), "--location", location.toString(),
                "--targets", "tenants.txt", "--resume", id, "--per-server", "4");

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(doneAtKill).as("the kill came in the middle").isBetween(6, 29);
        assertThat(resumed.out()).contains("Resuming fleet run " + id, "Fleet run " + id + ": 30 applied");
        assertThat(resumed.out().lines().filter(line -> line.matches("\\[ *\\d+/\\d+] applied .*"))).as("only "
                + "what the killed run had not finished ran").hasSize(30 - doneAtKill);
        String histories = IntStream.rangeClosed(1, 30).mapToObj(n -> "SELECT '" + tenant(n) + "' t, version FROM "
                + tenant(n) + ".flyway_schema_history WHERE success").collect(Collectors.joining(" UNION ALL "));
        assertThat(db.column("SELECT count(*) || '/' || count(DISTINCT (t, version)) FROM (" + histories + ") h"))
                .as("every migration once per tenant").containsExactly("90/90");
        assertThat(db.column("SELECT count(DISTINCT scope) FROM opta_migrate.opta_migrate_journal WHERE fleet = '"
                + id + "' AND status = 'SUCCEEDED'")).containsExactly("30");
        assertThat(db.column("SELECT count(*) FROM opta_migrate.opta_migrate_journal WHERE fleet = '" + id
                + "' AND status = 'RUNNING'")).as("the killed run's rows were closed").containsExactly("0");
    }

    @Test
    void statusCountsTheVersionsAndNamesWhoIsBehindAndWhy(TestDatabase db) throws Exception {
        Path location = migrations(2, "");
        writeTenants(5);
        Cli.Result migrated = Cli.run(dir, "fleet", "migrate", "--url", db.url(), "--location", location.toString(),
                "--targets", "tenants.txt", "--output", "json");
        Files.writeString(location.resolve("V3__step_3.sql"), "CREATE TABLE t3 (id bigint);\n");
        Files.writeString(dir.resolve("more.txt"), "# the same tenants, and one more\n"
                + Files.readString(dir.resolve("tenants.txt")) + "\ntenant_new\ntenant_ghost\n");
        db.execute("CREATE SCHEMA tenant_new");

        Cli.Result text = Cli.run(dir, "fleet", "status", "--url", db.url(), "--location", location.toString(),
                "--targets", "more.txt");
        Cli.Result json = Cli.run(dir, "fleet", "status", "--url", db.url(), "--location", location.toString(),
                "--targets", "more.txt", "--output", "json");

        assertThat(migrated.exitCode()).as(migrated.all()).isZero();
        JsonNode run = JSON.readTree(migrated.out());
        assertThat(run.at("/counts/applied").asInt()).isEqualTo(5);
        assertThat(run.get("targets")).extracting(target -> target.get("to").asText()).containsOnly("2");
        assertThat(text.exitCode()).as(text.all()).isZero();
        assertThat(text.out()).contains("7 target(s): 5 at 2, 1 at none; 7 behind:",
                "tenant_001 (at 2): 1 pending", "tenant_new (at none): 3 pending; never migrated by opta-migrate",
                "tenant_ghost (at none): cannot read it: its schema does not exist yet (fleet migrate creates it)");
        JsonNode status = JSON.readTree(json.out());
        assertThat(status.get("targets").asInt()).isEqualTo(7);
        assertThat(status.at("/byVersion/2").asInt()).isEqualTo(5);
        assertThat(status.get("behind")).hasSize(7);
        assertThat(db.column("SELECT count(*) FROM pg_namespace WHERE nspname = 'tenant_ghost'"))
                .as("status reads only").containsExactly("0");
        JsonNode tenantRuns = JSON.readTree(Cli.run(dir, "history", "--url", db.url() + "&currentSchema=tenant_001",
                "--output", "json").out()).get("runs");
        assertThat(tenantRuns).as("a tenant's history is its own scope's").hasSize(1);
        assertThat(tenantRuns.get(0).get("fleet").asText()).isEqualTo(run.get("fleet").asText());
        assertThat(JSON.readTree(Cli.run(dir, "history", "--url", db.url(), "--output", "json").out()).get("runs"))
                .as("the database's own history has none of the tenants' runs").isEmpty();
    }

    @Test
    void aHaltedRunExitsOneAndSaysHowToResume(TestDatabase db) throws Exception {
        Path location = migrations(2, "");
        Files.writeString(location.resolve("V2__step_2.sql"), "DO $$ BEGIN IF current_schema() = 'tenant_001' "
                + "THEN RAISE EXCEPTION 'tenant_001 is broken'; END IF; END $$;\n");
        writeTenants(4);

        Cli.Result result = Cli.run(dir, "fleet", "migrate", "--url", db.url(), "--location", location.toString(),
                "--targets", "tenants.txt");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.out()).contains("canary: 1 target(s)", "parked tenant_001", "tenant_001 is broken",
                "Halted: 1 target(s) failed, more than --max-failures 0 allows",
                "0 applied, 1 parked, 0 locked, 3 pending");
        assertThat(result.err()).contains("--resume fleet-", "--retry-parked");
    }

    @Test
    void badFleetInputIsAClearConfigurationError(TestDatabase db) throws Exception {
        Path location = migrations(1, "");
        Files.writeString(dir.resolve("twice.txt"), "tenant_a\ntenant_a\n");
        Files.writeString(dir.resolve("empty.txt"), "# nobody\n\n");
        Files.writeString(dir.resolve("secret.txt"), "jdbc:postgresql://db:5432/app?password=hunter2\n");
        List<String> base = List.of("fleet", "migrate", "--url", db.url(), "--location", location.toString());

        assertThat(error(base)).contains("No fleet: give --targets or --targets-query");
        assertThat(error(base, "--targets", "twice.txt")).contains("twice.txt line 2 names tenant_a again");
        assertThat(error(base, "--targets", "empty.txt")).contains("names no target");
        assertThat(error(base, "--targets", "secret.txt")).contains("password").doesNotContain("hunter2");
        assertThat(error(base, "--targets", "twice.txt", "--kind", "table")).contains("--kind table is not");
        assertThat(error(base, "--targets-query", "select nope from nowhere")).contains("The target query failed");
        assertThat(error(base, "--targets", "empty.txt", "--retry-parked")).contains("Add --resume");
        Files.writeString(dir.resolve("one.txt"), "tenant_a\n");
        assertThat(error(base, "--targets", "one.txt", "--resume", "fleet-20260101-000000-00000000"))
                .contains("No journal of the listed targets knows fleet run fleet-20260101-000000-00000000");
        assertThat(error(base, "--targets", "one.txt", "--canary", "tenant_b")).contains("--canary names tenant_b");
    }

    private String error(List<String> base, String... more) {
        List<String> args = new ArrayList<>(base);
        args.addAll(List.of(more));
        Cli.Result result = Cli.run(dir, args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).doesNotContain("\tat ");
        return result.err();
    }

    private Path migrations(int count, String extra) throws Exception {
        Path location = Files.createDirectories(dir.resolve("db"));
        for (int n = 1; n <= count; n++) {
            Files.writeString(location.resolve("V" + n + "__step_" + n + ".sql"), "CREATE TABLE t" + n
                    + " (id bigint PRIMARY KEY);\n" + extra);
        }
        return location;
    }

    private void writeTenants(int count) throws Exception {
        Files.writeString(dir.resolve("tenants.txt"), IntStream.rangeClosed(1, count)
                .mapToObj(FleetCommandTest::tenant).collect(Collectors.joining("\n")) + "\n");
    }

    private static String tenant(int n) {
        return String.format(Locale.ROOT, "tenant_%03d", n);
    }

    private static String awaitFleetId(Path output) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Matcher found = FLEET_ID.matcher(Files.exists(output) ? Files.readString(output) : "");
            if (found.find()) {
                return found.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no fleet id in " + Files.readString(output));
    }

    private static void awaitSucceeded(TestDatabase db, String id, int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            List<String> done = db.column("SELECT count(*) FROM pg_tables WHERE schemaname = 'opta_migrate' AND "
                    + "tablename = 'opta_migrate_journal'").equals(List.of("1")) ? db.column("SELECT count(*) FROM "
                    + "opta_migrate.opta_migrate_journal WHERE fleet = '" + id + "' AND status = 'SUCCEEDED'")
                    : List.of("0");
            if (Integer.parseInt(done.get(0)) >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the fleet run did not get far enough");
    }
}

package dev.optamigrate.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Fleets of tenant schemas on real PostgreSQL, with Flyway: every tenant once, canary, error budget, parking. */
class FleetRunTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path migrations;

    @Test
    void twoHundredTenantsEachGetEveryMigrationOnce(TestDatabase db) throws Exception {
        writeMigrations(10, "");
        List<FleetTarget> tenants = tenants(db, 200);
        String id = FleetRun.newId();

        FleetReport report = new FleetRun(id, tenants, new Rollout(5, List.of(), 50, 0, 4), migrators(id),
                FleetListener.NONE).run(FleetRun.Start.NEW, false);

        assertThat(report.complete()).as("halted: %s", report.halted()).isTrue();
        assertThat(report.outcomes()).hasSize(200).allSatisfy(outcome -> {
            assertThat(outcome.to()).isEqualTo("10");
            assertThat(outcome.applied()).isEqualTo(10);
        });
        assertThat(db.column("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'tenant_%'")).containsExactly("200");
        String histories = IntStream.rangeClosed(1, 200).mapToObj(n -> "SELECT '" + tenant(n) + "' AS tenant, "
                + "version FROM " + tenant(n) + ".flyway_schema_history WHERE success").reduce((a, b) -> a
                        + " UNION ALL " + b).orElseThrow();
        assertThat(db.column("SELECT count(*) || ' rows, ' || count(DISTINCT (tenant, version)) || ' distinct' FROM ("
                + histories + ") h")).as("each migration applied exactly once per tenant")
                .containsExactly("2000 rows, 2000 distinct");
        assertThat(db.column("SELECT count(DISTINCT scope) || ' scopes, ' || count(*) || ' rows, ' || sum(applied) "
                + "|| ' applied' FROM opta_migrate.opta_migrate_journal WHERE fleet = '" + id + "' AND status = "
                + "'SUCCEEDED'")).containsExactly("200 scopes, 200 rows, 2000 applied");
        assertThat(tableCount(db, "public")).as("nothing landed outside the tenants' schemas").isZero();
    }

    @Test
    void withNoErrorBudgetAFailingCanaryStopsTheRunAndTouchesNoOtherTenant(TestDatabase db) throws Exception {
        writeMigrations(4, "tenant_003");
        List<FleetTarget> tenants = tenants(db, 12);
        String id = FleetRun.newId();
        List<String> halts = new CopyOnWriteArrayList<>();

        FleetReport report = new FleetRun(id, tenants, new Rollout(0, List.of("tenant_003"), 0, 0, 4),
                migrators(id), new FleetListener() {
                    @Override
                    public void halted(String reason) {
                        halts.add(reason);
                    }
                }).run(FleetRun.Start.NEW, false);

        assertThat(report.halted()).hasValueSatisfying(reason -> assertThat(reason).contains("tenant_003",
                "--max-failures 0"));
        assertThat(halts).hasSize(1);
        assertThat(report.outcomes()).filteredOn(outcome -> outcome.state() == TargetState.PARKED)
                .singleElement().satisfies(parked -> {
                    assertThat(parked.name()).isEqualTo("tenant_003");
                    assertThat(parked.reason()).contains("tenant_003 is broken");
                });
        assertThat(report.count(TargetState.PENDING)).isEqualTo(11);
        assertThat(db.column("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'tenant_%'"))
                .as("no other tenant's schema was even created").containsExactly("1");
        assertThat(db.column("SELECT scope || ' ' || status FROM opta_migrate.opta_migrate_journal WHERE fleet = '"
                + id + "'")).containsExactly("tenant_003 FAILED");
    }

    @Test
    void withABudgetOfTwoTheRestCompleteAndTheFailedTenantIsParkedAndNamed(TestDatabase db) throws Exception {
        writeMigrations(4, "tenant_003");
        List<FleetTarget> tenants = tenants(db, 12);
        String id = FleetRun.newId();

        FleetReport report = new FleetRun(id, tenants, new Rollout(1, List.of(), 4, 2, 3), migrators(id),
                FleetListener.NONE).run(FleetRun.Start.NEW, false);

        assertThat(report.halted()).isEmpty();
        assertThat(report.count(TargetState.APPLIED)).isEqualTo(11);
        assertThat(report.outcomes()).filteredOn(outcome -> outcome.state() == TargetState.PARKED)
                .extracting(TargetOutcome::name).containsExactly("tenant_003");
        assertThat(db.column("SELECT count(*) FROM tenant_003.flyway_schema_history WHERE success"))
                .as("the migrations before the failing one stay applied").containsExactly("2");

        FleetReport resumed = new FleetRun(id, tenants, new Rollout(1, List.of(), 4, 2, 3), migrators(id),
                FleetListener.NONE).run(FleetRun.Start.RESUME, false);

        assertThat(resumed.outcomes()).filteredOn(outcome -> outcome.state() == TargetState.PARKED)
                .extracting(TargetOutcome::name).as("a resumed run leaves the parked tenant parked")
                .containsExactly("tenant_003");
        assertThat(resumed.outcomes()).allSatisfy(outcome -> assertThat(outcome.took()).isZero());
        assertThat(db.column("SELECT count(*) FROM opta_migrate.opta_migrate_journal WHERE fleet = '" + id + "'"))
                .as("nothing ran again").containsExactly("12");
    }

    /** Migrations V1..Vn; V3 fails in the named tenant's schema only. */
    private void writeMigrations(int count, String failingTenant) throws Exception {
        for (int n = 1; n <= count; n++) {
            String sql = "CREATE TABLE t" + n + " (id bigint PRIMARY KEY, note text);\n"
                    + "INSERT INTO t" + n + " VALUES (1, 'from V" + n + "');\n";
            if (n == 3 && !failingTenant.isEmpty()) {
                sql += "DO $$ BEGIN IF current_schema() = '" + failingTenant + "' THEN RAISE EXCEPTION '"
                        + failingTenant + " is broken'; END IF; END $$;\n";
            }
            Files.writeString(migrations.resolve("V" + n + "__step_" + n + ".sql"), sql);
        }
    }

    private Function<Target, Migrator> migrators(String id) {
        return target -> Migrator.configure().target(target).location(migrations.toString()).tool("flyway")
                .fleet(id).load();
    }

    private static List<FleetTarget> tenants(TestDatabase db, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> TargetKind.SCHEMA.of(tenant(n), db.target())).toList();
    }

    private static String tenant(int n) {
        return String.format(Locale.ROOT, "tenant_%03d", n);
    }

    private static long tableCount(TestDatabase db, String schema) throws Exception {
        return Long.parseLong(db.column("SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema + "'")
                .get(0));
    }
}

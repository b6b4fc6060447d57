package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every plan operation with every tool, on a real PostgreSQL: each release's files are written with --step,
 * checked, and migrated while an "old" writer (the code of the release before) and a "new" writer (the code of
 * the release after) keep writing; no write fails, no row is lost, and the columns are in step at the end.
 */
class PlanCommandTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEEDED = 50;

    @TempDir
    Path dir;

    /**
     * One operation's scenario.
     *
     * @param setup     SQL of a migration applied before the plan, or null
     * @param oldLast   the last release during whose migration the old writer runs
     * @param newFirst  the first release during whose migration the new writer runs
     * @param inStep    a count of the rows that are not yet right, 0 after release {@code inStepAfter}
     * @param end       a count that is 0 once every release is applied
     */
    record Scenario(String name, List<String> plan, String table, String setup, IntFunction<String> oldWrite,
            IntFunction<String> newWrite, int oldLast, int newFirst, String inStep, int inStepAfter, String end) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> plans() {
        List<Scenario> scenarios = List.of(
                new Scenario("rename-column", List.of("rename-column", "orders.status", "state", "--type", "text"),
                        "orders", null,
                        turn -> turn % 2 == 1 ? "INSERT INTO orders (customer_id, total, status) VALUES (1, 1, 'old-"
                                + turn + "')" : "UPDATE orders SET status = 'old-upd-" + turn + "' WHERE id = "
                                + (1 + turn % SEEDED),
                        turn -> turn % 2 == 1 ? "INSERT INTO orders (customer_id, total, state) VALUES (1, 1, 'new-"
                                + turn + "')" : "UPDATE orders SET state = 'new-upd-" + turn + "' WHERE id = "
                                + (2 + turn % SEEDED),
                        2, 2, "SELECT count(*) FROM orders WHERE status IS DISTINCT FROM state", 2,
                        "SELECT count(*) FROM orders WHERE state IS NULL OR EXISTS (SELECT 1 FROM "
                                + "information_schema.columns WHERE table_name = 'orders' AND column_name = 'status')"),
                new Scenario("change-type", List.of("change-type", "orders.total", "numeric(14,2)", "--into",
                        "total_wide"), "orders", null,
                        turn -> turn % 2 == 1 ? "INSERT INTO orders (customer_id, total) VALUES (1, " + turn + ")"
                                : "UPDATE orders SET total = total + 1 WHERE id = " + (1 + turn % SEEDED),
                        turn -> turn % 2 == 1 ? "INSERT INTO orders (customer_id, total_wide) VALUES (1, " + turn
                                + ")" : "UPDATE orders SET total_wide = total_wide + 2 WHERE id = "
                                + (2 + turn % SEEDED),
                        2, 2, "SELECT count(*) FROM orders WHERE total IS DISTINCT FROM total_wide", 2,
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' AND "
                                + "(column_name = 'total' OR column_name = 'total_wide' AND numeric_precision <> 14)"),
                new Scenario("add-not-null", List.of("add-not-null", "customers.phone", "--default", "'unknown'"),
                        "customers", null,
                        turn -> "INSERT INTO customers (email, name) VALUES ('old-" + turn + "-" + System.nanoTime()
                                + "@example.com', 'Old')",
                        turn -> "INSERT INTO customers (email, name, phone) VALUES ('new-" + turn + "-"
                                + System.nanoTime() + "@example.com', 'New', '555-" + turn + "')",
                        1, 1, "SELECT count(*) FROM customers WHERE phone IS NULL", 1,
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customers' AND "
                                + "column_name = 'phone' AND is_nullable = 'YES'"),
                new Scenario("add-foreign-key", List.of("add-foreign-key", "orders.referrer_id", "customers(id)"),
                        "orders", "ALTER TABLE orders ADD COLUMN referrer_id bigint;",
                        turn -> "INSERT INTO orders (customer_id, total) VALUES (1, 1)",
                        turn -> "INSERT INTO orders (customer_id, total, referrer_id) VALUES (1, 1, " + (1 + turn % 10)
                                + ")", 1, 1, "SELECT 0", 1,
                        "SELECT count(*) FROM pg_constraint WHERE conname = 'orders_referrer_id_fkey' AND NOT "
                                + "convalidated OR NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = "
                                + "'orders_referrer_id_fkey') OR NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = "
                                + "'orders_referrer_id_idx')"),
                new Scenario("add-unique", List.of("add-unique", "customers(handle)"), "customers",
                        "ALTER TABLE customers ADD COLUMN handle text;",
                        turn -> "INSERT INTO customers (email, name) VALUES ('old-" + turn + "-" + System.nanoTime()
                                + "@example.com', 'Old')",
                        turn -> "INSERT INTO customers (email, name, handle) VALUES ('new-" + turn + "-"
                                + System.nanoTime() + "@example.com', 'New', 'h-" + System.nanoTime() + "')",
                        1, 1, "SELECT 0", 1,
                        "SELECT count(*) FROM pg_constraint WHERE conname = 'customers_handle_key' AND contype <> 'u' "
                                + "OR NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'customers_handle_key')"),
                new Scenario("drop-column", List.of("drop-column", "customers.phone"), "customers", null,
                        turn -> "INSERT INTO customers (email, name, phone) VALUES ('old-" + turn + "-"
                                + System.nanoTime() + "@example.com', 'Old', '555')",
                        turn -> "INSERT INTO customers (email, name) VALUES ('new-" + turn + "-" + System.nanoTime()
                                + "@example.com', 'New')",
                        1, 1, "SELECT 0", 1,
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customers' AND "
                                + "column_name = 'phone'"));
        return MigrationSets.TOOLS.stream().flatMap(tool -> scenarios.stream().map(scenario -> Arguments.of(tool,
                scenario)));
    }

    @ParameterizedTest(name = "{1} with {0}")
    @MethodSource("plans")
    void eachReleaseAppliesWhileOldAndNewCodeKeepWriting(String tool, Scenario scenario, TestDatabase db)
            throws Exception {
        Path location = MigrationSets.copy(tool, dir.resolve(tool));
        if (tool.equals("mybatis")) {
            Files.writeString(location.resolve("environments/development.properties"), "auto_commit=true\n",
                    StandardOpenOption.APPEND);
        }
        if (scenario.setup() != null) {
            MigrationSets.append(tool, location, "setup", scenario.setup());
        }
        assertThat(migrate(db, location, "app:0", "app:0").exitCode()).isZero();
        db.execute("INSERT INTO customers (email, name) SELECT 'seed-' || g || '@example.com', 'Seed' "
                + "FROM generate_series(1, " + SEEDED + ") g");
        db.execute("INSERT INTO orders (customer_id, total, status) SELECT 1, g, 'seed-' || g "
                + "FROM generate_series(1, " + SEEDED + ") g");
        long before = count(db, "SELECT count(*) FROM " + scenario.table());
        List<Path> written = new ArrayList<>();
        int releases = 0;
        int inserted = 0;
        for (int release = 1; releases == 0 || release <= releases; release++) {
            List<TableWriter> writers = new ArrayList<>();
            if (release <= scenario.oldLast()) {
                writers.add(new TableWriter(db, "old", scenario.oldWrite()));
            }
            if (release >= scenario.newFirst()) {
                writers.add(new TableWriter(db, "new", scenario.newWrite()));
            }
            Thread.sleep(150);
            JsonNode plan = plan(location, scenario, release);
            releases = plan.get("releases").size();
            plan.get("written").forEach(file -> written.add(Path.of(file.asText())));
            Cli.Result migrated = migrate(db, location, "app:" + release, "app:" + (release - 1));
            Thread.sleep(150);
            for (TableWriter writer : writers) {
                writer.close();
                assertThat(writer.failures()).as(scenario + " release " + release).isEmpty();
                assertThat(writer.written()).as("it wrote while the release migrated").isPositive();
                inserted += scenario.name().equals("rename-column") || scenario.name().equals("change-type")
                        ? (writer.written() + 1) / 2 : writer.written();
            }
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();
            if (release == scenario.inStepAfter()) {
                assertThat(count(db, scenario.inStep())).as("rows not in step").isZero();
            }
        }

        assertThat(count(db, scenario.end())).as("end state").isZero();
        assertThat(count(db, "SELECT count(*) FROM " + scenario.table())).as("no row lost")
                .isEqualTo(before + inserted);
        List<String> checked = new ArrayList<>(List.of("check", "--pg-version", "17"));
        written.stream().filter(file -> file.toString().endsWith(".sql")).forEach(file -> checked.add(file.toString()));
        Cli.Result check = Cli.run(dir, checked.toArray(String[]::new));
        assertThat(check.exitCode()).as(check.all()).isZero();
    }

    @Test
    void theNextReleasesContractIsRefusedIfItShipsWithTheExpand(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("flyway", dir.resolve("early"));
        assertThat(migrate(db, location, "app:0", "app:0").exitCode()).isZero();
        for (int step = 1; step <= 2; step++) {
            assertThat(Cli.run(dir, "plan", "drop-column", "customers.phone", "--location", location.toString(),
                    "--step", String.valueOf(step)).exitCode()).isZero();
        }

        Cli.Result both = migrate(db, location, "app:1", "app:0");

        assertThat(both.exitCode()).isEqualTo(28);
        assertThat(both.err()).contains("customers.phone is retired by release app:1, the one migrating now");
    }

    @Test
    void aDryRunWritesNothingAndBadInputIsNamed() throws Exception {
        Path location = MigrationSets.copy("flyway", dir.resolve("dry"));
        long files;
        try (Stream<Path> list = Files.list(location)) {
            files = list.count();
        }

        Cli.Result dry = Cli.run(dir, "plan", "add-unique", "customers(email)", "--location", location.toString(),
                "--dry-run");
        Cli.Result badColumn = Cli.run(dir, "plan", "drop-column", "phone", "--location", location.toString());
        Cli.Result badStep = Cli.run(dir, "plan", "drop-column", "customers.phone", "--location",
                location.toString(), "--step", "3");
        Cli.Result oldServer = Cli.run(dir, "plan", "add-not-null", "customers.phone", "--default", "'x'",
                "--location", location.toString(), "--pg-version", "10");

        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("Release 1: ships with code that never writes a duplicate of (email)",
                "customers_email_key (outside a transaction)", "Dry run: nothing was written.");
        try (Stream<Path> list = Files.list(location)) {
            assertThat(list.count()).isEqualTo(files);
        }
        assertThat(badColumn.exitCode()).isEqualTo(2);
        assertThat(badColumn.err()).contains("'phone' is not a valid column", "table.column");
        assertThat(badStep.exitCode()).isEqualTo(2);
        assertThat(badStep.err()).contains("--step 3 is not a release of this plan, which spans 2");
        assertThat(oldServer.exitCode()).isEqualTo(2);
        assertThat(oldServer.err()).contains("PostgreSQL 10 cannot do");
    }

    private JsonNode plan(Path location, Scenario scenario, int release) throws Exception {
        List<String> args = new ArrayList<>(List.of("plan"));
        args.addAll(scenario.plan());
        args.addAll(List.of("--location", location.toString(), "--step", String.valueOf(release), "--pg-version",
                "17", "--batch-size", "10", "--batch-pause", "10ms", "--output", "json"));
        Cli.Result result = Cli.run(dir, args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.all()).isZero();
        return JSON.readTree(result.out());
    }

    private Cli.Result migrate(TestDatabase db, Path location, String release, String running) {
        return Cli.run(dir, "migrate", "--url", db.url(), "--location", location.toString(), "--release", release,
                "--running-release", running);
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        return Long.parseLong(db.column(sql).get(0));
    }
}

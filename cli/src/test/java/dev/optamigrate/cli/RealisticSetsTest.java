package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optamigrate.core.testing.Examples;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Larger migration sets written in the shapes real projects use (see {@code src/test/resources/realistic}): a
 * Flyway set in subdirectories with placeholders, a PL/pgSQL trigger, a stored generated column, a
 * non-transactional index and a repeatable view; a Liquibase changelog in a {@code src/main/resources} tree that
 * includes XML, YAML and formatted SQL by classpath-root paths and {@code includeAll}, with contexts, labels, a
 * precondition, a tag and a changeset outside a transaction; a MyBatis set with {@code bootstrap.sql},
 * {@code auto_commit=true} and a script with its own {@code BEGIN ... COMMIT}. Every verb runs on each against
 * real PostgreSQL, and its outcome is asserted.
 */
class RealisticSetsTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * One set: where its migrations are (relative to the set), the options it needs, how many migrations
     * {@code status} lists as pending and how many the safety check reads (MyBatis' bootstrap script too), a
     * table it creates, and whether the tool can undo.
     */
    record Set(String name, String location, List<String> options, int migrations, int checked, String table,
            boolean undo) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Set> sets() {
        return Stream.of(
                new Set("flyway-shop", "db/migration", List.of("--placeholders", "reporting_role=shop_reporting"),
                        21, 21, "wishlists", false),
                new Set("liquibase-billing", "src/main/resources/db/changelog/db.changelog-master.yaml",
                        List.of("--contexts", "prod"), 10, 10, "payments", true),
                new Set("mybatis-ledger", ".", List.of(), 8, 9, "entries", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void everyVerbRunsOnTheSet(Set set, TestDatabase db) throws Exception {
        Path root = copy(set.name());
        Path location = root.resolve(set.location()).normalize();

        JsonNode status = json(verb(db, root, set, "status", location, "--output", "json"));
        assertThat(status.get("pending")).as("pending before the first run").hasSize(set.migrations());

        Cli.Result dryRun = verb(db, root, set, "migrate", location, "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.all()).isZero();
        assertThat(db.hasTable(set.table())).as("the dry run changes nothing").isFalse();

        Cli.Result check = run(root, withOptions(set, "check", location.toString()));
        assertThat(check.exitCode()).as("a fresh install of the set has no error findings:\n" + check.all())
                .isZero();

        Cli.Result verify = verb(db, root, set, "verify", location);
        assertThat(verify.exitCode()).as("rehearsal on a shadow:\n" + verify.all()).isZero();

        Cli.Result migrate = verb(db, root, set, "migrate", location);
        assertThat(migrate.exitCode()).as(migrate.all()).isZero();
        assertThat(migrate.out()).contains("Safety check of " + set.checked() + " pending migration");
        assertThat(db.hasTable(set.table())).isTrue();

        Cli.Result again = verb(db, root, set, "migrate", location);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("Schema is up to date");

        Cli.Result validate = verb(db, root, set, "validate", location);
        assertThat(validate.exitCode()).as(validate.all()).isZero();

        Cli.Result verifyAfter = verb(db, root, set, "verify", location);
        assertThat(verifyAfter.exitCode()).as("nothing pending, no drift:\n" + verifyAfter.all()).isZero();
        assertThat(verifyAfter.out()).doesNotContain("schema-drift");

        assertThat(db.column("SELECT status FROM opta_migrate.opta_migrate_journal ORDER BY id"))
                .containsExactly("SUCCEEDED", "SUCCEEDED");
        if (set.undo()) {
            Cli.Result undo = verb(db, root, set, "undo", location, "--steps", "1");
            assertThat(undo.exitCode()).as(undo.all()).isZero();
            assertThat(undo.out()).contains("Reverted 1 migration");
            Cli.Result redo = verb(db, root, set, "migrate", location);
            assertThat(redo.exitCode()).as(redo.all()).isZero();
            assertThat(redo.out()).contains("1 migration");
        }
    }

    private Cli.Result verb(TestDatabase db, Path root, Set set, String verb, Path location, String... more) {
        List<String> args = new ArrayList<>(List.of(verb, "--url", db.url(), "--location", location.toString()));
        args.addAll(set.options());
        args.addAll(List.of(more));
        return run(root, args);
    }

    private static List<String> withOptions(Set set, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(set.options());
        return all;
    }

    private static Cli.Result run(Path root, List<String> args) {
        return Cli.run(root, args.toArray(String[]::new));
    }

    private static JsonNode json(Cli.Result result) throws IOException {
        assertThat(result.exitCode()).as(result.all()).isZero();
        return JSON.readTree(result.out());
    }

    /** A copy of the set in this test's directory, so that runs never touch the test resources. */
    private Path copy(String name) throws URISyntaxException {
        Path source = Path.of(Objects.requireNonNull(RealisticSetsTest.class.getResource("/realistic/" + name))
                .toURI());
        return Examples.copyTree(source, dir.resolve(name));
    }
}

package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind, each run as a real process twice: as a person runs it (text), and as a script with
 * {@code --output json --verbose}. Each case asserts its exit code, that the message names the problem, that no
 * stack trace shows without --verbose, that neither the real password nor a password planted where it does not
 * belong (nor their base64) appears in any output, the journal or the server's view of the run, and, where the
 * case touches a database, that the database and the journal say what the output says.
 */
class BadInputCasesTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.withPasswordAuthentication();

    /** The real password of the app user, given the right way. */
    private static final String PASSWORD = PostgresExtension.APP_PASSWORD;
    /** A password a careless user puts where it does not belong (a URL, a host variable). */
    private static final String PLANTED = "Z3bra-Planted-7781";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * One bad input: how to run it, what it must answer, and what the database must hold afterwards.
     *
     * @param reports whether the verb has --output json and --verbose (the database verbs and check do)
     */
    record Case(String name, Setup setup, int exitCode, List<String> says, Check check, boolean reports) {
        Case(String name, Setup setup, int exitCode, List<String> says, Check check) {
            this(name, setup, exitCode, says, check, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Builds the run for a fresh database and directory. */
    interface Setup {
        Run build(Fixture fixture) throws IOException;
    }

    /** What the database and the journal hold after the run. */
    interface Check {
        void verify(TestDatabase db) throws Exception;
    }

    record Run(Map<String, String> env, List<String> args) {
    }

    /** A fresh database (the app user needs its password), a directory, and the examples copied into it. */
    record Fixture(TestDatabase db, Path dir) {
        String url() {
            return db.target().jdbcUrl() + "?user=" + PostgresExtension.APP_USER;
        }

        int port() {
            return db.target().port();
        }

        Path write(String name, String text) throws IOException {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        }

        Path example(String tool) {
            return MigrationSets.copy(tool, dir.resolve(tool));
        }

        /** The example of a tool, already migrated by the superuser. */
        Path migrated(String tool) {
            Path location = example(tool);
            assertThat(Cli.run(dir, "migrate", "--url", db.url(), "--location", location.toString()).exitCode())
                    .isZero();
            return location;
        }

        String kubeconfig(String userSection, boolean currentContext, int apiPort) throws IOException {
            return write("kubeconfig", "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n"
                    + "    server: https://127.0.0.1:" + apiPort + "\n    insecure-skip-tls-verify: true\n"
                    + "contexts:\n- name: ctx\n  context:\n    cluster: c\n    user: u\n"
                    + (currentContext ? "current-context: ctx\n" : "") + "users:\n- name: u\n  user:\n"
                    + userSection).toString();
        }
    }

    static Stream<Case> reportingCases() {
        return cases().filter(Case::reports);
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(secretsAndInjection());
        cases.addAll(inputThatChangesNothing());
        cases.addAll(namesAndFiles());
        cases.addAll(kubernetes());
        return cases.stream();
    }

    private static List<Case> secretsAndInjection() {
        return List.of(
                new Case("password as user-info in the URL", f -> migrate(f, "--url", "jdbc:postgresql://app:"
                        + PLANTED + "@127.0.0.1:" + f.port() + "/" + f.db().name()), 2,
                        List.of("user-info", "OPTA_MIGRATE_PASSWORD"), BadInputCasesTest::nothingApplied),
                new Case("password as a URL parameter", f -> migrate(f, "--url", f.url() + "&password=" + PLANTED), 2,
                        List.of("contains a password"), BadInputCasesTest::nothingApplied),
                new Case("DBHOST that smuggles a password", f -> optaVariables(f, "127.0.0.1:" + f.port() + "/"
                        + f.db().name() + "?password=" + PLANTED + "&", f.db().name()), 2,
                        List.of("DBHOST is not a host name", "'?'"), BadInputCasesTest::nothingApplied),
                new Case("DBHOST that names another database", f -> optaVariables(f, "127.0.0.1:" + f.port() + "/"
                        + f.db().name() + "?sslmode=disable&", "some_other_db"), 2,
                        List.of("DBHOST is not a host name"), BadInputCasesTest::nothingApplied),
                new Case("DBPORT out of range", f -> new Run(Map.of("DBHOST", "127.0.0.1", "DBPORT", "99999",
                        "DBNAME", f.db().name(), "DBUSER", "app", "DBPASS", PASSWORD), List.of("migrate",
                        "--location", f.example("flyway").toString())), 2, List.of("DBPORT", "1-65535"), null),
                new Case("URL port out of range", f -> migrate(f, "--url", "jdbc:postgresql://127.0.0.1:99999/"
                        + f.db().name() + "?user=app"), 2, List.of("port", "1-65535"), null),
                new Case("no password at all", f -> new Run(Map.of(), List.of("migrate", "--url", f.url(),
                        "--location", f.example("flyway").toString())), 4,
                        List.of("asks user 'app' for a password", "OPTA_MIGRATE_PASSWORD", "--password-file",
                                "DBPASS"), BadInputCasesTest::nothingApplied),
                new Case("wrong password", f -> new Run(Map.of("OPTA_MIGRATE_PASSWORD", PLANTED), List.of("migrate",
                        "--url", f.url(), "--location", f.example("flyway").toString())), 4,
                        List.of("Authentication failed", "password from OPTA_MIGRATE_PASSWORD"),
                        BadInputCasesTest::nothingApplied),
                new Case("password file that is a device", f -> migrate(f, "--url", f.url(), "--password-file",
                        "/dev/zero"), 2, List.of("/dev/zero", "not a regular file"), null),
                new Case("password file that is a directory", f -> migrate(f, "--url", f.url(), "--password-file",
                        f.dir().toString()), 2, List.of("not a regular file"), null),
                new Case("password with a trailing line break works", f -> new Run(Map.of("OPTA_MIGRATE_PASSWORD",
                        PASSWORD + "\n"), List.of("migrate", "--url", f.url(), "--location",
                        f.example("flyway").toString())), 0, List.of("Migrated from empty to version 4"),
                        db -> assertThat(journal(db)).containsExactly("SUCCEEDED 4 applied 4")),
                new Case("DBPASS is used with a URL", f -> new Run(Map.of("DBPASS", PASSWORD), List.of("status",
                        "--url", f.url(), "--location", f.example("flyway").toString())), 0, List.of("Pending (4)"),
                        null),
                new Case("a generated manifest holds no password", f -> new Run(Map.of("OPTA_MIGRATE_PASSWORD",
                        PASSWORD, "DBPASS", PASSWORD), List.of("generate", "job", "--service", "shop", "--image",
                        "ghcr.io/acme/shop:1.4.2")), 0, List.of("secretKeyRef", "generateName"), null, false));
    }

    private static List<Case> inputThatChangesNothing() {
        return List.of(
                new Case("duplicate Flyway versions", f -> {
                    f.write("dup/V1__a.sql", "CREATE TABLE a (id int);");
                    f.write("dup/V1__b.sql", "CREATE TABLE b (id int);");
                    return migrate(f, "--url", f.url(), "--location", f.dir().resolve("dup").toString());
                }, 22, List.of("more than one migration with version 1", "Nothing was changed"), db -> {
                    nothingApplied(db);
                    assertThat(db.hasTable("a")).isFalse();
                }),
                new Case("a Flyway file name the tool cannot read", f -> {
                    f.write("names/Vx__a.sql", "CREATE TABLE a (id int);");
                    f.write("names/V1__b.sql", "CREATE TABLE b (id int);");
                    return migrate(f, "--url", f.url(), "--tool", "flyway", "--location",
                            f.dir().resolve("names").toString());
                }, 22, List.of("Vx__a.sql", "Nothing was changed"), BadInputCasesTest::nothingApplied),
                new Case("a binary file as SQL", f -> {
                    Files.createDirectories(f.dir().resolve("bin"));
                    Files.write(f.dir().resolve("bin/V1__bin.sql"), new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe});
                    return migrate(f, "--url", f.url(), "--location", f.dir().resolve("bin").toString());
                }, 22, List.of("V1__bin.sql", "Nothing was changed"), BadInputCasesTest::nothingApplied),
                new Case("malformed Liquibase XML on status", f -> {
                    Path master = f.write("lb/db.changelog-master.xml", "<databaseChangeLog xmlns=\"http://www"
                            + ".liquibase.org/xml/ns/dbchangelog\"><changeSet id=\"1\" author=\"a\"><broken");
                    return status(f, master);
                }, 22, List.of("Liquibase cannot read the changelog", "Nothing was changed"), null),
                new Case("a missing Liquibase include on status", f -> {
                    Path master = f.write("lb/db.changelog-master.yaml", "databaseChangeLog:\n  - include:\n"
                            + "      file: changes/missing.sql\n      relativeToChangelogFile: true\n");
                    return status(f, master);
                }, 22, List.of("changes/missing.sql", "Nothing was changed"), null),
                new Case("undo to an unknown tag", f -> {
                    Path location = f.migrated("liquibase");
                    return withPassword("undo", "--url", f.db().url(), "--location", location.toString(), "--tag",
                            "nope");
                }, 2, List.of("No tag 'nope'", "Nothing was reverted"), db -> {
                    assertThat(journal(db)).containsExactly("SUCCEEDED 4 applied 4", "REFUSED 4 applied 0");
                    assertThat(db.hasTable("orders")).isTrue();
                }),
                new Case("undo more steps than applied", f -> {
                    Path location = f.migrated("mybatis");
                    return withPassword("undo", "--url", f.db().url(), "--location", location.toString(), "--steps",
                            "99");
                }, 2, List.of("revert 99", "only 5 are applied", "--all"), db -> {
                    assertThat(journal(db)).containsExactly("SUCCEEDED 20250101000004 applied 5",
                            "REFUSED 20250101000004 applied 0");
                    assertThat(db.hasTable("changelog")).isTrue();
                }),
                new Case("undo --all of a protected target without --yes", f -> {
                    Path location = f.migrated("mybatis");
                    return new Run(Map.of("OPTA_MIGRATE_PROTECTED", "true"), List.of("undo", "--url", f.db().url(),
                            "--location", location.toString(), "--all"));
                }, 20, List.of("reverts every applied migration of a protected target", "--yes"), db -> {
                    assertThat(journal(db)).containsExactly("SUCCEEDED 20250101000004 applied 5");
                    assertThat(db.hasTable("customers")).isTrue();
                }),
                new Case("a Flyway migration that commits itself, then fails", f -> {
                    f.write("commit/V1__commits.sql", "CREATE TABLE a (id int);\nCOMMIT;\nCREATE TABLE b (id int);\n"
                            + "SELECT no_such_function();\n");
                    return migrate(f, "--url", f.url(), "--location", f.dir().resolve("commit").toString());
                }, 22, List.of("V1__commits.sql:3", "nothing was applied"), db -> {
                    assertThat(journal(db)).containsExactly("REFUSED - applied 0");
                    assertThat(db.hasTable("a")).isFalse();
                }),
                new Case("MyBatis scripts without the changelog script", f -> {
                    f.write("mb/scripts/20250101000001_first.sql", "-- // first\nCREATE TABLE first_table (id int);"
                            + "\n-- //@UNDO\nDROP TABLE first_table;\n");
                    return migrate(f, "--url", f.url(), "--location", f.dir().resolve("mb").toString());
                }, 22, List.of("CHANGELOG does not exist", "Nothing was run"), db -> {
                    assertThat(journal(db)).containsExactly("FAILED - applied 0");
                    assertThat(db.hasTable("first_table")).isFalse();
                }),
                new Case("MyBatis without environments/ expands ${changelog}", f -> {
                    Path location = f.example("mybatis");
                    Files.delete(location.resolve("environments/development.properties"));
                    return migrate(f, "--url", f.url(), "--location", location.toString());
                }, 0, List.of("5 migrations"), db -> assertThat(db.hasTable("changelog")).isTrue()),
                new Case("validate after the newest applied file was deleted", f -> {
                    Path location = f.migrated("flyway");
                    Files.delete(location.resolve("V4__add_customer_phone.sql"));
                    return withPassword("validate", "--url", f.db().url(), "--location", location.toString());
                }, 6, List.of("Migration 4", "is not in the location"), null));
    }

    private static List<Case> namesAndFiles() {
        return List.of(
                new Case("a duration that overflows", f -> migrate(f, "--url", f.url(), "--lock-wait",
                        "99999999999999999999h"), 2, List.of("lock-wait", "outside 0 to 365 days"), null),
                new Case("a directory as --config", f -> migrate(f, "--url", f.url(), "--config",
                        f.dir().toString()), 2, List.of("is a directory"), null),
                new Case("/dev/zero as --config", f -> migrate(f, "--url", f.url(), "--config", "/dev/zero"), 2,
                        List.of("is not a regular file"), null),
                new Case("a config that is not UTF-8", f -> {
                    Path config = f.dir().resolve("latin1.yaml");
                    Files.write(config, "location: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
                    return migrate(f, "--url", f.url(), "--config", config.toString());
                }, 2, List.of("is not UTF-8 text"), null),
                new Case("a config of several MB", f -> {
                    Path config = f.dir().resolve("huge.yaml");
                    Files.write(config, ("# padding\n").repeat(300_000).getBytes(StandardCharsets.UTF_8));
                    return migrate(f, "--url", f.url(), "--config", config.toString());
                }, 2, List.of("larger than 1 MB"), null),
                new Case("an upper-case .SQL suffix is detected as Flyway runs it", f -> {
                    f.write("upper/V1__a.SQL", "CREATE TABLE upper_a (id int);");
                    return migrate(f, "--url", f.url(), "--location", f.dir().resolve("upper").toString());
                }, 0, List.of("Tool: flyway"), db -> assertThat(db.hasTable("upper_a")).isTrue()),
                new Case("check --pg-version 3", f -> new Run(Map.of(), List.of("check",
                        f.example("flyway").toString(), "--pg-version", "3")), 2, List.of("--pg-version 3", "10 to 18"),
                        null),
                new Case("check --pg-version 99", f -> new Run(Map.of(), List.of("check",
                        f.example("flyway").toString(), "--pg-version", "99")), 2, List.of("10 to 18"), null),
                new Case("a password in --shadow-url", f -> new Run(Map.of(), List.of("verify", "--location",
                        f.example("flyway").toString(), "--shadow-url", "jdbc:postgresql://127.0.0.1:" + f.port()
                                + "/postgres?user=postgres&password=" + PLANTED)), 2,
                        List.of("--shadow-url contains a password", "OPTA_MIGRATE_SHADOW_PASSWORD"), null));
    }

    private static List<Case> kubernetes() {
        return List.of(
                new Case("a service name with spaces", f -> new Run(Map.of(), List.of("migrate", "--strategy", "job",
                        "--service", "Bad Name!")), 2, List.of("'Bad Name!'", "DNS-1123 label"), null),
                new Case("an upper-case namespace in generate", f -> new Run(Map.of(), List.of("generate", "job",
                        "--service", "shop", "--namespace", "MyShop", "--image", "shop:1.0")), 2,
                        List.of("'MyShop'", "DNS-1123 label"), null, false),
                new Case("a service name over 63 characters", f -> new Run(Map.of(), List.of("generate", "job",
                        "--service", "s".repeat(64), "--image", "shop:1.0")), 2, List.of("63 characters"), null, false),
                new Case("an empty service name", f -> new Run(Map.of(), List.of("generate", "job", "--service", "",
                        "--image", "shop:1.0")), 2, List.of("is empty"), null, false),
                new Case("an image with shell metacharacters", f -> new Run(Map.of(), List.of("generate", "job",
                        "--service", "shop", "--image", "shop:1.0;rm -rf /")), 2,
                        List.of("not a valid image reference"), null, false),
                new Case("an image without a tag", f -> new Run(Map.of(), List.of("generate", "job", "--service",
                        "shop", "--image", "ghcr.io/acme/shop")), 2, List.of("no tag or digest"), null, false),
                new Case("KUBECONFIG that is a directory", f -> new Run(Map.of("KUBECONFIG", f.dir().toString()),
                        List.of("job", "status", "x", "--namespace", "shop")), 10, List.of("is a directory"), null, false),
                new Case("a kubeconfig without a current context", f -> new Run(Map.of("KUBECONFIG",
                        f.kubeconfig("    token: t\n", false, 6443)), List.of("job", "status", "x", "--namespace",
                        "shop")), 10, List.of("no current context", "use-context"), null, false),
                new Case("a kubeconfig whose credential plugin is missing", f -> new Run(Map.of("KUBECONFIG",
                        f.kubeconfig("    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
                                + "      command: no-such-credential-plugin\n", true, 6443)), List.of("job", "status",
                        "x", "--namespace", "shop")), 10, List.of("'no-such-credential-plugin'", "not installed"),
                        null, false),
                new Case("an API server on a closed port", f -> new Run(Map.of("KUBECONFIG",
                        f.kubeconfig("    token: t\n", true, freePort())), List.of("job", "status", "x",
                        "--namespace", "shop")), 10, List.of("connection refused or closed"), null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersClearlyAndLeaksNothing(Case bad, TestDatabase db) throws Exception {
        Fixture fixture = new Fixture(db, dir);
        Run run = bad.setup().build(fixture);

        String text = runProcess(run, List.of(), "text.txt");

        assertThat(exitCodeOf(text)).as(text).isEqualTo(bad.exitCode());
        assertThat(text).contains(bad.says());
        assertThat(text).as("no stack trace without --verbose").doesNotContain("\tat ").doesNotContain("Exception:");
        assertNoSecret(text);
        if (bad.check() != null) {
            bad.check().verify(db);
        }
        assertNoSecret(String.join("\n", journalErrors(db)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reportingCases")
    void jsonAndVerboseOutputLeakNothingEither(Case bad, TestDatabase db) throws Exception {
        Run run = bad.setup().build(new Fixture(db, dir));

        String output = runProcess(run, List.of("--output", "json", "--verbose"), "json.txt");

        assertThat(exitCodeOf(output)).as(output).isEqualTo(bad.exitCode());
        assertNoSecret(output);
        List<JsonNode> documents = output.lines().filter(line -> line.startsWith("{")).map(BadInputCasesTest::json)
                .toList();
        assertThat(documents).as("JSON on standard output:\n" + output).isNotEmpty();
        documents.stream().filter(document -> document.path("type").asText().equals("error"))
                .forEach(error -> assertThat(error.get("exitCode").asInt()).isEqualTo(bad.exitCode()));
    }

    /** Runs the CLI as its own process; returns what it printed, with its exit code on the last line. */
    private String runProcess(Run run, List<String> extra, String file) throws Exception {
        List<String> args = new ArrayList<>(run.args());
        args.addAll(extra);
        Map<String, String> env = new HashMap<>(run.env());
        env.putIfAbsent("KUBECONFIG", dir.resolve("no-kubeconfig").toString());
        Path output = dir.resolve(file);
        Process process = Cli.start(env, output, args);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return Files.readString(output) + "\nexit " + process.exitValue();
    }

    private static int exitCodeOf(String output) {
        String last = output.lines().reduce((first, second) -> second).orElseThrow();
        return Integer.parseInt(last.substring("exit ".length()));
    }

    private static void assertNoSecret(String text) {
        for (String secret : List.of(PASSWORD, PLANTED)) {
            assertThat(text).doesNotContain(secret).doesNotContain(Base64.getEncoder().encodeToString(
                    secret.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** {@code migrate ARGS} with the password given the right way, from the Flyway example unless ARGS name one. */
    private static Run migrate(Fixture f, String... args) {
        List<String> all = new ArrayList<>(List.of("migrate"));
        all.addAll(List.of(args));
        if (!all.contains("--location")) {
            all.addAll(List.of("--location", f.example("flyway").toString()));
        }
        return new Run(Map.of("OPTA_MIGRATE_PASSWORD", PASSWORD), all);
    }

    private static Run withPassword(String... args) {
        return new Run(Map.of("OPTA_MIGRATE_PASSWORD", PASSWORD), List.of(args));
    }

    private static Run status(Fixture f, Path location) {
        return withPassword("status", "--url", f.url(), "--location", location.toString());
    }

    private static Run optaVariables(Fixture f, String host, String database) {
        return new Run(Map.of("DBHOST", host, "DBNAME", database, "DBUSER", "app", "DBPASS", PASSWORD),
                List.of("migrate", "--location", f.example("flyway").toString()));
    }

    /** Nothing ran: no journal row, no history table of any tool. */
    private static void nothingApplied(TestDatabase db) throws Exception {
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE schemaname IN ('public', 'opta_migrate')"))
                .containsExactly("0");
    }

    /** Each journal row as "STATUS to_version applied N", oldest first. */
    private static List<String> journal(TestDatabase db) throws Exception {
        return db.column("SELECT status || ' ' || coalesce(to_version, '-') || ' applied ' || applied FROM "
                + "opta_migrate.opta_migrate_journal ORDER BY id");
    }

    private static List<String> journalErrors(TestDatabase db) throws Exception {
        if (db.column("SELECT to_regclass('opta_migrate.opta_migrate_journal') IS NOT NULL").equals(List.of("f"))) {
            return List.of();
        }
        return db.column("SELECT coalesce(error, '') FROM opta_migrate.opta_migrate_journal");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}

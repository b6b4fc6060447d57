package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --changed-since} in a real Git repository the test makes, with git on the PATH. */
class ChangedSinceTest {
    @TempDir
    Path dir;

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=t@example.com",
                "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", args) + ": " + output).isZero();
    }

    private Path base() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint, note varchar(20));\n");
        Files.writeString(migrations.resolve("V2__customers_index.sql"), "CREATE INDEX customers_email_idx "
                + "ON customers (email);\n");
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "base");
        git("tag", "base");
        return migrations;
    }

    @Test
    void judgesOnlyWhatChangedAndFlagsAChangedMigrationThatExistedAtTheRef() throws Exception {
        Path migrations = base();
        Files.writeString(migrations.resolve("V3__orders_index.sql"),
                "CREATE INDEX orders_note_idx ON orders (note);\n");
        git("add", ".");
        git("commit", "-q", "-m", "index orders");
        Files.writeString(migrations.resolve("V4__widen_note.sql"), "SET lock_timeout = '2s';\n"
                + "ALTER TABLE orders ALTER COLUMN note TYPE varchar(40);\n");
        Files.writeString(migrations.resolve("V2__customers_index.sql"), "-- edited after it shipped\n"
                + "CREATE INDEX customers_email_idx ON customers (email);\n");

        Cli.Result changed = Cli.run(dir, "check", "db/migration", "--changed-since", "base");
        Cli.Result whole = Cli.run(dir, "check", "db/migration");

        assertThat(changed.exitCode()).as(changed.all()).isEqualTo(21);
        assertThat(changed.out()).as("orders exists in production: V1 was applied before the ref")
                .contains("db/migration/V3__orders_index.sql:1: error index-not-concurrent")
                .contains("db/migration/V2__customers_index.sql:1: error modified-applied-migration",
                        "modified since base")
                .doesNotContain("V1__orders.sql")
                .as("the type from V1 is known: varchar(20) to varchar(40) rewrites nothing")
                .doesNotContain("V4__widen_note.sql");
        assertThat(changed.out()).contains("Checked 3 migrations");
        assertThat(whole.out()).as("read whole, as a fresh install, orders is new").doesNotContain("V3__orders_index");
    }

    @Test
    void anUnknownRefOrNoRepositoryIsAClearError() throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("db/migration")).resolve("V1__t.sql"),
                "CREATE TABLE t (id bigint);");
        Cli.Result noRepository = Cli.run(dir, "check", "db/migration", "--changed-since", "main");
        base();
        Cli.Result unknownRef = Cli.run(dir, "check", "db/migration", "--changed-since", "origin/nope");
        Cli.Result noPaths = Cli.run(dir, "check", "--changed-since", "base");

        assertThat(noRepository.exitCode()).isEqualTo(2);
        assertThat(noRepository.err()).contains("not inside a Git repository");
        assertThat(unknownRef.exitCode()).isEqualTo(2);
        assertThat(unknownRef.err()).contains("Git does not know 'origin/nope'", "git fetch origin main");
        assertThat(noPaths.exitCode()).isEqualTo(2);
        assertThat(noPaths.err()).contains("no PATH was given", "opta-migrate check db/migration --changed-since");
    }

    @Test
    void withoutGitOnThePathItSaysSo() throws IOException, InterruptedException {
        Files.writeString(Files.createDirectories(dir.resolve("db")).resolve("V1__t.sql"),
                "CREATE TABLE t (id bigint);");
        Path output = dir.resolve("out.txt");
        Process check = Cli.start(Map.of("PATH", dir.toString()), output, List.of("check",
                dir.resolve("db").toString(), "--changed-since", "main"));
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(check.exitValue()).isEqualTo(2);
        assertThat(Files.readString(output)).contains("--changed-since needs git, and git is not on the PATH");
    }
}

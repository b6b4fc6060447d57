package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a library logs while a command runs reaches people as the command's own warning event, never as a raw
 * logger line: here Flyway's warning about a COMMIT with no transaction in progress, in a real process.
 */
class LibraryLogsTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void aLibraryWarningIsAWarningEventInJsonAndText(TestDatabase db) throws Exception {
        Path location = Files.createDirectories(dir.resolve("sql"));
        Files.writeString(location.resolve("V1__own_commit.sql"), "CREATE TABLE a (id int);\nCOMMIT;\n");
        Files.writeString(location.resolve("V1__own_commit.sql.conf"), "executeInTransaction=false\n");

        String json = run(db, location, "json.txt", "--output", "json");

        assertThat(json).contains("{\"type\":\"warning\",\"message\":\"flyway: DB: there is no transaction in "
                + "progress").doesNotContain("warning: flyway");

        Files.writeString(location.resolve("V2__again.sql"), "CREATE TABLE b (id int);\nCOMMIT;\n");
        Files.writeString(location.resolve("V2__again.sql.conf"), "executeInTransaction=false\n");
        String text = run(db, location, "text.txt");

        assertThat(text).contains("WARNING: flyway: DB: there is no transaction in progress");
    }

    private String run(TestDatabase db, Path location, String file, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("migrate", "--url", db.url(), "--location",
                location.toString()));
        args.addAll(List.of(more));
        Process process = Cli.start(Map.of(), dir.resolve(file), args);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(dir.resolve(file));
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}

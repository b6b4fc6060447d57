package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code stats export} from a real server, then {@code check --stats} offline with what it wrote. */
class StatsCommandTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void exportThenCheckOfflineGradesByTheTablesFigures(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE countries (code varchar(2) PRIMARY KEY)");
        db.execute("INSERT INTO countries VALUES ('de'), ('fr')");
        db.execute("ANALYZE countries");
        Files.writeString(dir.resolve("V5__longer_codes.sql"), "ALTER TABLE countries ALTER COLUMN code TYPE "
                + "varchar(3) USING upper(code);\n");

        Cli.Result export = Cli.run(dir, "stats", "export", "--url", db.url(), "--file", "prod-stats.json",
                "--sample", "1s");
        Cli.Result graded = Cli.run(dir, "check", "V5__longer_codes.sql", "--stats", "prod-stats.json");
        Cli.Result ungraded = Cli.run(dir, "check", "V5__longer_codes.sql");
        Cli.Result missing = Cli.run(dir, "check", "V5__longer_codes.sql", "--stats", "nope.json");

        assertThat(export.exitCode()).as(export.all()).isZero();
        assertThat(export.out()).contains("Sampling write rates on", "Wrote ", "1 tables", "PostgreSQL 17");
        assertThat(graded.exitCode()).as(graded.all()).isZero();
        assertThat(graded.out()).contains("info rewrite-column-type", "[countries: ", "~2 rows, 0 writes/s",
                "graded info from the stats file", "for PostgreSQL 17");
        assertThat(ungraded.exitCode()).isEqualTo(21);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Cannot read the stats file", "stats export");
    }
}

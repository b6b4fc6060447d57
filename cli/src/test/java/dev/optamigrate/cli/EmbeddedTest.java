package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.Examples;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedTest {
    @TempDir
    Path dir;

    @Test
    void embeddedDatabasePersistsBetweenCommands() {
        Cli.Result first = Cli.run(dir, "migrate", "--embedded", "--location", Examples.of("flyway").toString());
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains("Embedded PostgreSQL at jdbc:postgresql://localhost:", "version 4");
        assertThat(dir.resolve(".opta-migrate/embedded/data/PG_VERSION")).exists();

        Cli.Result second = Cli.run(dir, "status", "--embedded", "--location", Examples.of("flyway").toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("Current: 4", "Up to date.");
    }

    @Test
    void aBadSettingFailsBeforeTheEmbeddedServerStarts() {
        Cli.Result result = Cli.run(dir, "migrate", "--embedded", "--location", Examples.of("flyway").toString(),
                "--lock-wait", "10x");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--lock-wait", "10x");
        assertThat(result.out()).doesNotContain("Starting the embedded PostgreSQL");
        assertThat(dir.resolve(".opta-migrate")).doesNotExist();
    }

    @Test
    void embeddedAndUrlTogetherAreRefused() {
        Cli.Result result = Cli.run(dir, "migrate", "--embedded", "--url", "jdbc:postgresql://h/d?user=u");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--embedded", "--url");
        assertThat(dir.resolve(".opta-migrate")).doesNotExist();
    }
}

package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.Examples;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CustomStrategyTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void strategiesListsBuiltInAndCustomProviders() {
        Cli.Result result = Cli.run(dir, "strategies");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("local", "startup", "recording",
                "Test strategy that announces itself");

        Cli.Result json = Cli.run(dir, "strategies", "--output", "json");
        assertThat(json.out()).contains("\"name\":\"recording\"", "\"name\":\"startup\"");
    }

    @Test
    void customStrategyRunsWhenChosenByName(TestDatabase db) throws Exception {
        Cli.Result result = Cli.run(dir, "migrate", "--url", db.url(), "--location", Examples.of("flyway").toString(),
                "--strategy", "recording");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("recording strategy was chosen", "(strategy recording)");
        assertThat(db.column("SELECT strategy FROM opta_migrate.opta_migrate_journal")).containsExactly("recording");
    }

    @Test
    void discoveryNeverPicksAStrategyByItself(TestDatabase db) throws Exception {
        Cli.Result result = Cli.run(dir, "migrate", "--url", db.url(), "--location", Examples.of("flyway").toString());
        assertThat(result.out()).doesNotContain("recording strategy was chosen").contains("(strategy local)");
    }
}

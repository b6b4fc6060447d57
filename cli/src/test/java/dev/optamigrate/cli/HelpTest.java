package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.ErrorCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpTest {
    @TempDir
    Path dir;

    @Test
    void everyVerbListsTheExitCodes() {
        for (String verb : new String[] {"migrate", "status", "validate", "undo", "strategies", "startup", "version"}) {
            Cli.Result result = Cli.run(dir, verb, "--help");
            assertThat(result.exitCode()).as(verb).isZero();
            for (ErrorCode code : ErrorCodes.all()) {
                assertThat(result.out()).as(verb).contains(code.exitCode() + " ", code.name());
            }
        }
    }

    @Test
    void optionHelpNamesTheVariablesAndDefaults() {
        String help = Cli.run(dir, "migrate", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("OPTA_MIGRATE_URL", "OPTA_MIGRATE_LOCK_WAIT", "default 10m", "--password-file",
                "--embedded", "Examples:");
        assertThat(help).doesNotContain("--password ").doesNotContain("--password=");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(Cli.run(dir, "--version").out()).startsWith("opta-migrate ").doesNotContain("unknown")
                .doesNotContain("${");
    }
}

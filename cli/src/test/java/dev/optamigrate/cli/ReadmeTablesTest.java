package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.ErrorCodes;
import dev.optamigrate.core.settings.KnownSettings;
import dev.optamigrate.core.settings.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With every module on the classpath, as in the CLI: the README's configuration and exit-code tables list exactly
 * what the modules register, and no two modules claim one exit code or one setting key.
 */
class ReadmeTablesTest {

    @Test
    void everyModuleRegistersItsCodesAndSettings() {
        assertThat(ErrorCodes.all()).extracting(ErrorCode::name).contains("CONFIGURATION", "KUBERNETES_FORBIDDEN",
                "DEADLINE_EXCEEDED", "ROLLOUT_IN_PROGRESS");
        assertThat(KnownSettings.all()).extracting(Setting::key).contains("url", "service", "job-deadline", "tunnel");
    }

    @Test
    void exitCodesAndSettingKeysAreUnique() {
        List<Integer> exitCodes = ErrorCodes.all().stream().map(ErrorCode::exitCode).toList();
        List<String> keys = KnownSettings.all().stream().map(Setting::key).toList();

        assertThat(exitCodes).doesNotHaveDuplicates().isSorted();
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void configurationTableListsEverySettingWithItsVariableAndDefault() throws Exception {
        String readme = readme();
        for (Setting setting : KnownSettings.all()) {
            String row = "| `" + setting.key() + "` | `" + setting.environmentVariable() + "` | "
                    + (setting.defaultValue() == null ? "" : "`" + setting.defaultValue() + "`");
            assertThat(readme).as(setting.key()).contains(row);
        }
    }

    @Test
    void exitCodeTableListsEveryCode() throws Exception {
        String readme = readme();
        for (ErrorCode code : ErrorCodes.all()) {
            assertThat(readme).contains("| " + code.exitCode() + " | `" + code.name() + "` |");
        }
    }

    private static String readme() throws Exception {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("core"))) {
                return Files.readString(dir.resolve("README.md"));
            }
        }
        throw new IllegalStateException("README.md not found");
    }
}

package dev.optamigrate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.analysis.Rule;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.settings.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration, exit-code and rule tables list exactly what the code has. */
class ReadmeTest {

    @Test
    void configurationTableListsEverySettingWithItsVariableAndDefault() throws Exception {
        String readme = readme();
        for (Setting setting : Setting.values()) {
            String row = "| `" + setting.key() + "` | `" + setting.environmentVariable() + "` | "
                    + (setting.defaultValue() == null ? "" : "`" + setting.defaultValue() + "`");
            assertThat(readme).as(setting.key()).contains(row);
        }
    }

    @Test
    void exitCodeTableListsEveryCode() throws Exception {
        String readme = readme();
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(readme).contains("| " + code.exitCode() + " | `" + code.name() + "` |");
        }
    }

    @Test
    void everyRuleHasARowAndExamples() throws Exception {
        String readme = readme();
        for (Rule rule : Rule.values()) {
            assertThat(readme).contains("| `" + rule.id() + "` | " + rule.severity().label() + " |");
            if (rule != Rule.INVALID_SUPPRESSION && !rule.measured()) {
                assertThat(readme).as(rule.id() + " examples").contains("-- " + rule.id() + "\n");
            }
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

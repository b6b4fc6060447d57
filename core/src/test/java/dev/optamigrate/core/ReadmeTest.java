package dev.optamigrate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.analysis.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's rule table lists every rule with examples. The configuration and exit-code tables, which need every
 * module, are checked by the CLI's {@code ReadmeTablesTest}.
 */
class ReadmeTest {

    @Test
    void everyRuleHasARowAndExamples() throws Exception {
        String readme = readme();
        for (Rule rule : Rule.values()) {
            assertThat(readme).contains("| `" + rule.id() + "` | " + rule.severity().label() + " |");
            if (rule != Rule.INVALID_SUPPRESSION && rule != Rule.INVALID_MARKER && !rule.measured() && !rule.gated()) {
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

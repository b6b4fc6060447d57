package dev.optamigrate.core.settings;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.nio.file.Path;

/**
 * The text of a config file, refused with the real reason before YAML sees it: missing, a directory or a
 * device, larger than any config file, or not UTF-8.
 */
final class ConfigFileText {
    /** A config file is a few dozen lines; one this large is the wrong file. */
    static final int MAX_BYTES = 1024 * 1024;

    private ConfigFileText() {
    }

    /**
     * @param named how the file was chosen, e.g. {@code "--config"}, for the hint
     */
    static String read(Path file, String named) {
        return SmallTextFile.read(file, MAX_BYTES, problem -> new MigrateException(CoreErrorCode.CONFIGURATION,
                "Config file " + file + " " + problem.phrase(MAX_BYTES) + ".", switch (problem) {
                    case MISSING -> "Check the path given to " + named + ".";
                    case DIRECTORY -> "Give " + named + " the YAML file itself, e.g. "
                            + SettingsLoader.DEFAULT_CONFIG_FILE + ".";
                    case NOT_REGULAR -> "Give " + named + " a YAML file.";
                    case DENIED, UNREADABLE -> "Let the user that runs opta-migrate read it.";
                    case TOO_LARGE -> "A config file holds a few settings; check that " + named
                            + " names the right file.";
                    case NOT_UTF8 -> "Save it as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8).";
                }, null));
    }
}

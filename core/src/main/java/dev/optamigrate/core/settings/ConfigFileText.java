package dev.optamigrate.core.settings;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
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
        if (!Files.exists(file)) {
            throw refused(file, "does not exist", "Check the path given to " + named + ".");
        }
        if (Files.isDirectory(file)) {
            throw refused(file, "is a directory", "Give " + named + " the YAML file itself, e.g. "
                    + SettingsLoader.DEFAULT_CONFIG_FILE + ".");
        }
        if (!Files.isRegularFile(file)) {
            throw refused(file, "is not a regular file", "Give " + named + " a YAML file.");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (AccessDeniedException e) {
            throw refused(file, "cannot be read (permission denied)", "Let the user that runs opta-migrate read it.");
        } catch (IOException e) {
            throw refused(file, "cannot be read (" + e.getClass().getSimpleName() + ")", "Check that it is a "
                    + "readable file.");
        }
        if (bytes.length > MAX_BYTES) {
            throw refused(file, "is larger than 1 MB", "A config file holds a few settings; check that " + named
                    + " names the right file.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refused(file, "is not UTF-8 text", "Save it as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8).");
        }
    }

    private static MigrateException refused(Path file, String problem, String hint) {
        return new MigrateException(ErrorCode.CONFIGURATION, "Config file " + file + " " + problem + ".", hint, null);
    }
}

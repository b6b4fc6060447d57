package dev.optamigrate.core.target;

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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a password file: a small UTF-8 text file whose first line is the password. Anything else (a directory,
 * a device such as {@code /dev/zero}, a large or binary file) is refused before more than a few KB are read.
 */
final class PasswordFile {
    /** Far more than any password; a longer file is not a password file. */
    static final int MAX_BYTES = 4096;

    private PasswordFile() {
    }

    static Password read(Path file, String source) {
        if (!Files.exists(file)) {
            throw refused(file, source, "does not exist", "Check the path.");
        }
        if (!Files.isRegularFile(file)) {
            throw refused(file, source, "is not a regular file", "Give a small text file whose first line is the "
                    + "password (for a Kubernetes Secret, the file of its mounted key).");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (AccessDeniedException e) {
            throw refused(file, source, "cannot be read (permission denied)", "Let the user that runs "
                    + "opta-migrate read it, e.g. chmod 400 and chown to that user.");
        } catch (NoSuchFileException e) {
            throw refused(file, source, "does not exist", "Check the path.");
        } catch (IOException e) {
            throw refused(file, source, "cannot be read (" + e.getClass().getSimpleName() + ")",
                    "Check that it is a readable text file.");
        }
        if (bytes.length > MAX_BYTES) {
            throw refused(file, source, "is larger than " + MAX_BYTES + " bytes", "Give a file that holds the "
                    + "password alone, on its first line.");
        }
        return Password.from(withoutLineBreak(firstLine(decode(bytes, file, source))), source);
    }

    /** The value without a trailing line break, as {@code echo} or an editor leaves it. */
    static String withoutLineBreak(String value) {
        String result = value;
        while (result.endsWith("\n") || result.endsWith("\r")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static String decode(byte[] bytes, Path file, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refused(file, source, "is not UTF-8 text", "Write the password as UTF-8 text on the first line.");
        }
    }

    private static MigrateException refused(Path file, String source, String problem, String hint) {
        return new MigrateException(ErrorCode.CONFIGURATION, "The password file " + file + " (from " + source + ") "
                + problem + ".", hint, null);
    }
}

package dev.optamigrate.core.target;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.SmallTextFile.Problem;
import dev.optamigrate.core.settings.SmallTextFile;
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
        String text = SmallTextFile.read(file, MAX_BYTES, problem -> new MigrateException(CoreErrorCode.CONFIGURATION,
                "The password file " + file + " (from " + source + ") " + (problem == Problem.DIRECTORY
                        ? Problem.NOT_REGULAR : problem).phrase(MAX_BYTES) + ".", switch (problem) {
                            case MISSING -> "Check the path.";
                            case DIRECTORY, NOT_REGULAR -> "Give a small text file whose first line is the password "
                                    + "(for a Kubernetes Secret, the file of its mounted key).";
                            case DENIED, UNREADABLE -> "Let the user that runs opta-migrate read it, e.g. chmod 400 "
                                    + "and chown to that user.";
                            case TOO_LARGE -> "Give a file that holds the password alone, on its first line.";
                            case NOT_UTF8 -> "Write the password as UTF-8 text on the first line.";
                        }, null));
        return Password.from(withoutLineBreak(firstLine(text)), source);
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
}

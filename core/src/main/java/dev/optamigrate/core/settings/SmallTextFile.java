package dev.optamigrate.core.settings;

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
import java.util.function.Function;

/**
 * A small UTF-8 text file named by a setting (a config file, a password file, a kubeconfig), read only when it is
 * one: anything else (missing, a directory, a device such as {@code /dev/zero}, a large or binary file) is refused
 * with its real reason before more than the size limit is read. Each caller words the refusal and its fix.
 */
public final class SmallTextFile {
    /** Why a file is not read. */
    public enum Problem {
        MISSING("does not exist"),
        DIRECTORY("is a directory"),
        NOT_REGULAR("is not a regular file"),
        DENIED("cannot be read (permission denied)"),
        UNREADABLE("cannot be read"),
        TOO_LARGE("is larger than the limit"),
        NOT_UTF8("is not UTF-8 text");

        private final String phrase;

        Problem(String phrase) {
            this.phrase = phrase;
        }

        /** The problem as the end of a sentence about the file, e.g. {@code is larger than 4096 bytes}. */
        public String phrase(int maxBytes) {
            if (this != TOO_LARGE) {
                return phrase;
            }
            int megabyte = 1024 * 1024;
            return "is larger than " + (maxBytes % megabyte == 0 ? maxBytes / megabyte + " MB" : maxBytes + " bytes");
        }
    }

    private SmallTextFile() {
    }

    /**
     * @param refusal the exception for a problem, with the caller's words and fix
     */
    public static String read(Path file, int maxBytes, Function<Problem, MigrateException> refusal) {
        if (!Files.exists(file)) {
            throw refusal.apply(Problem.MISSING);
        }
        if (Files.isDirectory(file)) {
            throw refusal.apply(Problem.DIRECTORY);
        }
        if (!Files.isRegularFile(file)) {
            throw refusal.apply(Problem.NOT_REGULAR);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (AccessDeniedException e) {
            throw refusal.apply(Problem.DENIED);
        } catch (NoSuchFileException e) {
            throw refusal.apply(Problem.MISSING);
        } catch (IOException e) {
            throw refusal.apply(Problem.UNREADABLE);
        }
        if (bytes.length > maxBytes) {
            throw refusal.apply(Problem.TOO_LARGE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refusal.apply(Problem.NOT_UTF8);
        }
    }
}

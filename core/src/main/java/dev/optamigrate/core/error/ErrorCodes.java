package dev.optamigrate.core.error;

import dev.optamigrate.core.spi.Extension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Every error code the modules on the classpath register, by exit code. */
public final class ErrorCodes {
    private ErrorCodes() {
    }

    /**
     * The codes of every {@link Extension} found, ordered by exit code.
     *
     * @throws IllegalStateException when two codes claim the same exit code, naming both
     */
    public static List<ErrorCode> all() {
        return Loaded.ALL;
    }

    /** The codes in these extensions, checked to have distinct exit codes and ordered by them. */
    static List<ErrorCode> of(Iterable<Extension> extensions) {
        Map<Integer, ErrorCode> byExitCode = new HashMap<>();
        List<ErrorCode> codes = new ArrayList<>();
        for (Extension extension : extensions) {
            for (ErrorCode code : extension.errorCodes()) {
                ErrorCode before = byExitCode.putIfAbsent(code.exitCode(), code);
                if (before != null && before != code) {
                    throw new IllegalStateException("Exit code " + code.exitCode() + " is claimed twice: by "
                            + describe(before) + " and by " + describe(code) + ".");
                }
                if (before == null) {
                    codes.add(code);
                }
            }
        }
        codes.sort(Comparator.comparingInt(ErrorCode::exitCode));
        return List.copyOf(codes);
    }

    private static String describe(ErrorCode code) {
        return code.name() + " (" + code.getClass().getName() + ")";
    }

    /** Loaded once, on first use. */
    private static final class Loaded {
        static final List<ErrorCode> ALL = of(ServiceLoader.load(Extension.class, Extension.class.getClassLoader()));
    }
}

package dev.optamigrate.core.error;

/**
 * A way a run can fail, with the process exit code it maps to and a hint that says what to do next. Each module
 * has its own set, an enum that implements this ({@link CoreErrorCode} for the engine), and registers it through
 * {@link dev.optamigrate.core.spi.Extension}, so that a discovered strategy can add codes of its own.
 * {@link ErrorCodes#all()} checks that no two codes share an exit code.
 */
public interface ErrorCode {

    /**
     * What an error code is.
     *
     * @param exitCode the process exit code; part of the command-line interface, so scripts may rely on it
     * @param summary  what the exit code means, for help texts and the README
     * @param hint     what to do next, when no more specific hint was given
     */
    record Definition(int exitCode, String summary, String hint) {
    }

    /** The code's name, as in the README's table and in JSON output, e.g. {@code LOCK_TIMEOUT}. */
    String name();

    Definition definition();

    default int exitCode() {
        return definition().exitCode();
    }

    default String summary() {
        return definition().summary();
    }

    default String hint() {
        return definition().hint();
    }
}

package dev.optamigrate.core.error;

/**
 * A way a run can fail, with the process exit code it maps to and a hint that says what to do next. Each module
 * has its own set, an enum that implements this ({@link CoreErrorCode} for the engine), and registers it through
 * {@link dev.optamigrate.core.spi.Extension}, so that a discovered strategy can add codes of its own.
 * {@link ErrorCodes#all()} checks that no two codes share an exit code.
 */
public interface ErrorCode {

    /** The code's name, as in the README's table and in JSON output, e.g. {@code LOCK_TIMEOUT}. */
    String name();

    /** The process exit code; part of the command-line interface, so scripts may rely on it. */
    int exitCode();

    /** What the exit code means, for help texts and the README. */
    String summary();

    /** What to do next, when no more specific hint was given. */
    String hint();
}

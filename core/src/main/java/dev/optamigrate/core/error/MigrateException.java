package dev.optamigrate.core.error;

/**
 * The one exception opta-migrate throws for anything a user can act on. It carries an {@link ErrorCode}
 * (and so an exit code) and an optional hint that replaces the code's generic one.
 * Messages never contain a password.
 */
public class MigrateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String hint;

    public MigrateException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public MigrateException(ErrorCode code, String message, Throwable cause) {
        this(code, message, null, cause);
    }

    public MigrateException(ErrorCode code, String message, String hint, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.hint = hint;
    }

    public ErrorCode code() {
        return code;
    }

    /** What to do next: the specific hint when one was given, else the code's generic one. */
    public String hint() {
        return hint != null ? hint : code.hint();
    }
}

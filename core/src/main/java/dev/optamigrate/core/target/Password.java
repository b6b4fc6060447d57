package dev.optamigrate.core.target;

import java.util.Objects;

/**
 * A database password that never prints: {@link #toString()} is redacted, only {@link #reveal()} gives it. It
 * remembers where it came from, so that a refused login can say which source to fix.
 */
public final class Password {
    private static final String REDACTED = "******";

    private final String value;
    private final String source;

    private Password(String value, String source) {
        this.value = Objects.requireNonNull(value, "value");
        this.source = Objects.requireNonNull(source, "source");
    }

    public static Password of(String value) {
        return new Password(value, "the caller");
    }

    /** A password read from a named source, e.g. {@code OPTA_MIGRATE_PASSWORD} or {@code --password-file}. */
    public static Password from(String value, String source) {
        return new Password(value, source);
    }

    /** Where the password came from, in words a user can act on (never the password). */
    public String source() {
        return source;
    }

    /** The secret itself, for the JDBC driver only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}

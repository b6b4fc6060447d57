package dev.optamigrate.core.target;

import java.util.Objects;

/** A database password that never prints: {@link #toString()} is redacted, only {@link #reveal()} gives it. */
public final class Password {
    private static final String REDACTED = "******";

    private final String value;

    private Password(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Password of(String value) {
        return new Password(value);
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

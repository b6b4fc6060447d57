package dev.optamigrate.core.analysis;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a migration stands in the 3-point migration: it adds what a newer release will use ({@code expand}), or
 * it removes or renames what an older release may still use ({@code contract}).
 */
public enum Phase {
    EXPAND, CONTRACT;

    /** The phase as markers, reports and JSON spell it: {@code expand} or {@code contract}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Phase> byLabel(String label) {
        for (Phase phase : values()) {
            if (phase.label().equals(label)) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }
}

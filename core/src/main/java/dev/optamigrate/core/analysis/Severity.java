package dev.optamigrate.core.analysis;

import java.util.Locale;

/** How serious a finding is; {@code --fail-on} picks the lowest one that fails a check. */
public enum Severity {
    INFO, WARNING, ERROR;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** The lower-case name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

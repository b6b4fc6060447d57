package dev.optamigrate.core.rehearsal;

import java.time.Duration;
import java.util.Locale;

/**
 * A production-size estimate for one relation.
 *
 * @param bytes    the relation's size on the target (with its indexes for a rewrite)
 * @param rows     the planner's row estimate on the target; negative when the table was never analyzed
 * @param duration the bytes divided by the rate calibrated on the shadow
 */
public record Estimate(long bytes, double rows, Duration duration) {

    /** E.g. {@code 2.1 GB, ~18M rows}. */
    public String size() {
        return bytes(bytes) + (rows < 0 ? "" : ", ~" + rows(rows) + " rows");
    }

    /** A size for people, e.g. {@code 2.1 GB}. */
    public static String bytes(long value) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double size = value;
        int unit = 0;
        while (size >= 1024 && unit < units.length - 1) {
            size /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.1f %s", size, units[unit]);
    }

    private static String rows(double value) {
        if (value >= 1e9) {
            return String.format(Locale.ROOT, "%.1fG", value / 1e9);
        }
        if (value >= 1e6) {
            return String.format(Locale.ROOT, "%.0fM", value / 1e6);
        }
        return value >= 1e3 ? String.format(Locale.ROOT, "%.0fk", value / 1e3)
                : String.format(Locale.ROOT, "%.0f", value);
    }
}

package dev.optamigrate.core.settings;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h30m}, or ISO-8601. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+");

    /** The longest duration any setting takes: longer is a typo, and would overflow the timers. */
    static final Duration LONGEST = Duration.ofDays(365);

    private Durations() {
    }

    /**
     * @param what names the value in the error message, e.g. {@code "lock-wait (from --lock-wait)"}
     */
    public static Duration parse(String text, String what) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        if (value.startsWith("p")) {
            Duration parsed;
            try {
                parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(text, what);
            }
            if (parsed.isNegative() || parsed.compareTo(LONGEST) > 0) {
                throw tooLong(text, what);
            }
            return parsed;
        }
        if (!WHOLE.matcher(value).matches()) {
            throw invalid(text, what);
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(value);
        try {
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
            }
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            throw tooLong(text, what);
        }
        if (total.compareTo(LONGEST) > 0) {
            throw tooLong(text, what);
        }
        return total;
    }

    /** A short human form: {@code 850ms}, {@code 12.3s}, {@code 4m05s}, {@code 11h00m}, {@code 2d03h}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        if (millis < 3_600_000) {
            return String.format(Locale.ROOT, "%dm%02ds", duration.toMinutes(), duration.toSecondsPart());
        }
        if (millis < 86_400_000) {
            return String.format(Locale.ROOT, "%dh%02dm", duration.toHours(), duration.toMinutesPart());
        }
        return String.format(Locale.ROOT, "%dd%02dh", duration.toDays(), duration.toHoursPart());
    }

    private static MigrateException tooLong(String text, String what) {
        return new MigrateException(CoreErrorCode.CONFIGURATION, what + ": '" + text + "' is outside 0 to 365 days.",
                "Give a duration of at most 365d, e.g. 30s, 10m or 2h; 0 where the setting allows waiting forever.",
                null);
    }

    private static MigrateException invalid(String text, String what) {
        return new MigrateException(CoreErrorCode.CONFIGURATION, what + ": '" + text + "' is not a duration.",
                "Write it like 500ms, 30s, 10m, 1h30m or PT10M.", null);
    }
}

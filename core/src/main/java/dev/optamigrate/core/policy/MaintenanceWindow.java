package dev.optamigrate.core.policy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One maintenance window, as people write it: {@code Mon-Fri 01:00-05:00 Europe/Berlin}. The days are single days
 * or ranges separated by commas ({@code Sat,Sun}, {@code Fri-Mon}) or {@code daily}; the window opens on those
 * days at the first time, local to the zone, and closes at the second, on the next day when that is earlier.
 * Daylight-saving changes are {@code java.time}'s: a start in the spring gap moves to the first valid time.
 *
 * @param text the window as written
 */
public record MaintenanceWindow(String text, Set<DayOfWeek> days, LocalTime opens, LocalTime closes, ZoneId zone) {
    private static final Pattern WRITTEN = Pattern.compile("(\\S+)\\s+(\\d{1,2}:\\d{2})-(\\d{1,2}:\\d{2})\\s+(\\S+)");
    private static final String EXAMPLE = "Mon-Fri 01:00-05:00 Europe/Berlin";

    /** One opening of the window: from its start to its end. */
    public record Opening(ZonedDateTime start, ZonedDateTime end) {
    }

    /** @param source where the window was written, for the error */
    public static MaintenanceWindow parse(String text, String source) {
        Matcher written = WRITTEN.matcher(text.strip());
        if (!written.matches()) {
            throw invalid(text, source, "it is not DAYS HH:MM-HH:MM ZONE");
        }
        try {
            LocalTime opens = LocalTime.parse(pad(written.group(2)));
            LocalTime closes = LocalTime.parse(pad(written.group(3)));
            if (opens.equals(closes)) {
                throw invalid(text, source, "it opens and closes at the same time");
            }
            return new MaintenanceWindow(text.strip(), days(written.group(1), text, source), opens, closes,
                    ZoneId.of(written.group(4)));
        } catch (DateTimeParseException e) {
            throw invalid(text, source, "a time is not HH:MM");
        } catch (DateTimeException e) {
            throw invalid(text, source, "'" + written.group(4) + "' is not a time zone (use a region such as "
                    + "Europe/Berlin, or UTC)");
        }
    }

    /** The opening that contains the instant, if one does. */
    public Optional<Opening> openingAt(Instant instant) {
        LocalDate today = instant.atZone(zone).toLocalDate();
        for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            Optional<Opening> opening = openingOn(day);
            if (opening.isPresent() && !instant.isBefore(opening.get().start().toInstant())
                    && instant.isBefore(opening.get().end().toInstant())) {
                return opening;
            }
        }
        return Optional.empty();
    }

    /** The first opening that starts after the instant. */
    public Opening nextAfter(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate().minusDays(1);
        while (true) {
            Optional<Opening> opening = openingOn(day);
            if (opening.isPresent() && opening.get().start().toInstant().isAfter(instant)) {
                return opening.get();
            }
            day = day.plusDays(1);
        }
    }

    private Optional<Opening> openingOn(LocalDate day) {
        if (!days.contains(day.getDayOfWeek())) {
            return Optional.empty();
        }
        ZonedDateTime start = day.atTime(opens).atZone(zone);
        ZonedDateTime end = (closes.isAfter(opens) ? day : day.plusDays(1)).atTime(closes).atZone(zone);
        return Optional.of(new Opening(start, end));
    }

    private static Set<DayOfWeek> days(String written, String text, String source) {
        if (written.equalsIgnoreCase("daily")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : written.split(",")) {
            String[] range = part.split("-", 2);
            DayOfWeek first = day(range[0], text, source);
            DayOfWeek last = range.length == 2 ? day(range[1], text, source) : first;
            for (DayOfWeek day = first; ; day = day.plus(1)) {
                days.add(day);
                if (day == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String name, String text, String source) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.name().toLowerCase(Locale.ROOT);
            if (lower.length() >= 3 && full.startsWith(lower)) {
                return day;
            }
        }
        throw invalid(text, source, "'" + name + "' is not a day (Mon, Tue, ... Sun, or daily)");
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    private static MigrateException invalid(String text, String source, String why) {
        return new MigrateException(CoreErrorCode.CONFIGURATION, "The maintenance window '" + text.strip() + "' (from "
                + source + ") cannot be read: " + why + ".", "Write each window as DAYS HH:MM-HH:MM ZONE, e.g. "
                        + EXAMPLE + "; separate windows with ';' (in the config file, a YAML list).", null);
    }
}

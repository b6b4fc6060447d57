package dev.optamigrate.core.policy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Durations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Optional;

/**
 * The conduct a target asks of every run that changes its schema: a person on standby, and a start inside a
 * maintenance window with time enough left for the estimate. Checked before anything changes, by the engine and
 * by a strategy before it starts a run elsewhere.
 *
 * @param standby             the person watching, {@code required} when the target needs one and none was named,
 *                            or {@code null}
 * @param windows             when runs may start
 * @param outsideWindowReason why this run may start outside the windows, or {@code null}
 * @param estimateFile        {@code verify}'s figures for the pending migrations, or {@code null}
 * @param clock               the time
 */
public record RunPolicy(String standby, MaintenanceWindows windows, String outsideWindowReason, Path estimateFile,
        Clock clock) {
    /** The value of the {@code standby} setting that makes a target require a person. */
    public static final String REQUIRED = "required";
    /** Any time, nobody required. */
    public static final RunPolicy NONE = new RunPolicy(null, MaintenanceWindows.ANY_TIME, null, null,
            Clock.systemUTC());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz");

    /** The person on standby, when one was named. */
    public Optional<String> person() {
        return Optional.ofNullable(standby).filter(name -> !name.equals(REQUIRED));
    }

    /**
     * Refuses a run the target's conduct does not allow.
     *
     * @param pending  the pending migrations' files or changesets, for the estimate; empty when not known here (the
     *                 estimate is then left to where the run happens)
     * @param measured their durations on an earlier environment, the estimate when no estimate file is given
     * @return the reason the run starts outside the windows, when it does
     * @throws MigrateException {@code CONFIGURATION} without a required person on standby, {@code OUTSIDE_WINDOW}
     *                          outside the windows, or when the estimate does not fit in what is left of one
     */
    public Optional<String> check(Optional<Collection<String>> pending, Optional<Estimate> measured,
            EventListener events) {
        if (REQUIRED.equals(standby)) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "This target requires a person on standby ("
                    + CoreSetting.STANDBY.key() + ": " + REQUIRED + "), and the run names none. Nothing was changed.",
                    "Give " + CoreSetting.STANDBY.names() + ": the person who watches the run and can act on it. "
                            + "The journal records the name.", null);
        }
        if (windows.anyTime()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<MaintenanceWindow.Opening> opening = windows.openingAt(now);
        Optional<String> refusal = opening.isEmpty() ? Optional.of(closed(now))
                : estimate(pending, measured).filter(estimate -> estimate.duration().compareTo(Duration.between(now,
                        opening.get().end().toInstant())) > 0).map(estimate -> tooLong(now, opening.get(), estimate));
        if (refusal.isEmpty()) {
            return Optional.empty();
        }
        if (outsideWindowReason == null || outsideWindowReason.isBlank()) {
            throw new MigrateException(CoreErrorCode.OUTSIDE_WINDOW, refusal.get() + " Nothing was changed.", null);
        }
        events.on(new MigrationEvent.Warning(refusal.get() + " Running anyway: " + outsideWindowReason
                + " (--outside-window; the journal records it)."));
        return Optional.of(outsideWindowReason);
    }

    private Optional<Estimate> estimate(Optional<Collection<String>> pending, Optional<Estimate> measured) {
        if (estimateFile == null || pending.isEmpty()) {
            return measured;
        }
        return EstimateFile.read(estimateFile, pending.get()).map(duration -> new Estimate(duration,
                estimateFile.toString()));
    }

    private String closed(Instant now) {
        MaintenanceWindow.Opening next = windows.nextAfter(now);
        return "It is outside the maintenance windows (" + windows + "). The next one opens "
                + WHEN.format(next.start()) + ", in " + Durations.format(Duration.between(now,
                        next.start().toInstant())) + ".";
    }

    private String tooLong(Instant now, MaintenanceWindow.Opening opening, Estimate estimate) {
        return "The pending migrations are estimated at " + Durations.format(estimate.duration()) + " (from "
                + estimate.source() + "), and the maintenance window closes " + WHEN.format(opening.end()) + ", in "
                + Durations.format(Duration.between(now, opening.end().toInstant())) + ". The next one opens "
                + WHEN.format(windows.nextAfter(now).start()) + ".";
    }
}

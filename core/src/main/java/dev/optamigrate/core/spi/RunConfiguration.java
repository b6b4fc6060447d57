package dev.optamigrate.core.spi;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.target.Target;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a strategy may read of the engine's configuration, and how it runs the engine on a target. It is an
 * immutable copy: nothing a strategy does changes its caller's configuration.
 */
public interface RunConfiguration {

    /** The tool's name, when given or detected; a strategy that runs elsewhere leaves detection to that place. */
    Optional<String> tool();

    String location();

    /** The longest wait for the migration lock held by another run. */
    Duration lockWait();

    /** The release recorded in the journal, when configured. */
    Optional<String> release();

    /** Who runs the migration, recorded in the journal. */
    Optional<String> operator();

    /** Receives every event of the run. */
    EventListener listener();

    /** How to get a person's go-ahead. */
    Confirmation confirmation();

    /** The target, for strategies that {@linkplain ExecutionStrategyProvider#runsHere() run here}. */
    Optional<Target> target();

    /**
     * Refuses a run that the target's conduct does not allow now: a required person on standby not named, or a
     * start outside the maintenance windows without a reason, a rehearsal receipt that stays behind on this
     * machine. A strategy that starts the run elsewhere (a Job, a pod) calls it first; the engine checks again
     * where it runs.
     *
     * @throws dev.optamigrate.core.error.MigrateException {@code CONFIGURATION} or {@code OUTSIDE_WINDOW}
     */
    void checkRunPolicy();

    /**
     * This configuration with releases a strategy found serving traffic (the images of the service's pods) added
     * to those the contract gate knows.
     *
     * @param podsPerRelease each release, as the journal records it, and how many pods run it
     */
    RunConfiguration withRunningReleases(Map<String, Integer> podsPerRelease);

    /**
     * The engine for a target with this configuration; {@code strategy} is recorded in the journal.
     *
     * @throws dev.optamigrate.core.error.MigrateException {@code CONFIGURATION} when no tool was given and none
     *                                                     can be detected from the location
     */
    TargetMigrator migratorFor(Target target, String strategy);
}

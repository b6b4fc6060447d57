package dev.optamigrate.strategy.startup;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.Durations;
import dev.optamigrate.core.spi.ExecutionReport;
import dev.optamigrate.core.spi.ExecutionStrategy;
import dev.optamigrate.core.spi.MigrationRequest;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the migration in this process, as the server starts and before it accepts traffic. Replicas that start
 * together are safe because the engine's lock lets one migrate while the others wait. When the migration runs
 * longer than the startup budget (health checks usually allow about 30 seconds), it warns: such a migration
 * belongs in a one-time Job.
 */
public final class StartupStrategy implements ExecutionStrategy {
    /** The budget health checks usually allow a starting server. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);

    private final Duration budget;

    public StartupStrategy(Duration budget) {
        this.budget = budget;
    }

    @Override
    public ExecutionReport execute(MigrationRequest request) {
        EventListener events = request.configuration().listener();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "opta-migrate-startup-budget");
            thread.setDaemon(true);
            return thread;
        });
        timer.schedule(() -> events.on(new MigrationEvent.Warning(overBudget())), budget.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            return new ExecutionReport(request.strategy(), "this process, before the server starts",
                    request.migrateHere());
        } finally {
            timer.shutdownNow();
        }
    }

    private String overBudget() {
        return "The migration has run longer than the startup budget of " + Durations.format(budget)
                + ": health checks may restart this server before it finishes. Run long migrations before the "
                + "deploy as a one-time Kubernetes Job (the job strategy) instead of at startup.";
    }
}

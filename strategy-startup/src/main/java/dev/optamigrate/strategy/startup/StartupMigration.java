package dev.optamigrate.strategy.startup;

import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.policy.RunLabels;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.spi.MigrationRequest;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.target.TargetResolver;
import java.time.Duration;
import java.util.Map;

/**
 * The library entry an application calls from its {@code main}, before it opens its port. The target and the
 * other settings come from the environment ({@code OPTA_MIGRATE_*}, or Opta's {@code DBHOST}... variables); events
 * are logged through SLF4J unless a listener is given, and traced with the application's OpenTelemetry when it
 * registered one.
 */
public final class StartupMigration {
    private final MigratorConfiguration configuration;
    private final Settings settings;
    private Duration budget = StartupStrategy.DEFAULT_BUDGET;
    private boolean listenerGiven;

    private StartupMigration(MigratorConfiguration configuration, Settings settings) {
        this.configuration = configuration;
        this.settings = settings;
    }

    /** Settings and target from this process's environment. */
    public static StartupMigration fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Settings and target from the given environment. */
    public static StartupMigration fromEnvironment(Map<String, String> environment) {
        return from(Settings.fromEnvironment(environment));
    }

    /** Settings and target from resolved settings, e.g. a framework's properties over the environment. */
    public static StartupMigration from(Settings settings) {
        return from(settings, new TargetResolver(settings).resolve());
    }

    /** Settings, and a target resolved by the caller (e.g. with a password from a framework's properties). */
    public static StartupMigration from(Settings settings, Target target) {
        return new StartupMigration(MigratorConfiguration.from(settings, target), settings);
    }

    /** Where the migrations are, e.g. {@code classpath:db/migration}. */
    public StartupMigration location(String location) {
        configuration.location(location);
        return this;
    }

    public StartupMigration tool(String tool) {
        configuration.tool(tool);
        return this;
    }

    /** How long the migration may take before a warning says it belongs in a Job; 30 seconds by default. */
    public StartupMigration budget(Duration budget) {
        this.budget = budget;
        return this;
    }

    /** Adds a listener; once one is added, events are no longer logged through SLF4J. */
    public StartupMigration addListener(EventListener listener) {
        configuration.addListener(listener);
        listenerGiven = true;
        return this;
    }

    /**
     * Migrates, waiting for the lock if another replica is migrating.
     *
     * @throws dev.optamigrate.core.error.MigrateException when it fails: do not start the server then
     */
    public MigrateResult run() {
        if (!listenerGiven) {
            addListener(new Slf4jEventLogger());
        }
        AppTelemetry.listener(RunLabels.from(settings)).ifPresent(configuration::addListener);
        return new StartupStrategy(budget).execute(new MigrationRequest(configuration.readOnly(),
                StartupStrategyProvider.NAME, settings)).result();
    }
}

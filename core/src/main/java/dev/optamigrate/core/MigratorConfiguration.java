package dev.optamigrate.core;

import dev.optamigrate.core.analysis.AllowList;
import dev.optamigrate.core.analysis.SafetyMode;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.guard.LockGuard;
import dev.optamigrate.core.policy.MaintenanceWindows;
import dev.optamigrate.core.policy.RunPolicy;
import dev.optamigrate.core.promotion.PromotionOptions;
import dev.optamigrate.core.release.ContractGateOptions;
import dev.optamigrate.core.release.RunningRelease;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.settings.ToolOptionsReader;
import dev.optamigrate.core.spi.Confirmation;
import dev.optamigrate.core.spi.RunConfiguration;
import dev.optamigrate.core.spi.ToolOptions;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.tool.MigrationTools;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Fluent configuration of the engine; {@link #load()} gives the {@link Migrator}. Everything but the target has a
 * default: the tool is detected from the location, which is {@code db/migration}; the lock wait is 10 minutes; the
 * safety check warns; the contract gate refuses.
 *
 * <p>{@link #load()} and {@link #readOnly()} copy: changing this builder afterwards changes neither the migrator
 * nor what a strategy was given.
 */
public final class MigratorConfiguration {
    private Target target;
    private String tool;
    private String location = CoreSetting.LOCATION.defaultValue();
    private Duration lockWait = Duration.ofMinutes(10);
    private EventListener listener = EventListener.NONE;
    private String strategy = "library";
    private String release;
    private String operator = System.getProperty("user.name");
    private String fleet;
    private MigrationTools tools;
    private Confirmation confirmation = Confirmation.REFUSE;
    private SafetyMode safety = SafetyMode.WARN;
    private ToolOptions toolOptions = ToolOptions.DEFAULTS;
    private AllowList allowList = AllowList.NONE;
    private LockGuard lockGuard = LockGuard.DEFAULTS;
    private SafetyMode contractSafety = SafetyMode.BLOCK;
    private Optional<List<RunningRelease>> runningReleases = Optional.empty();
    private boolean trustUnknownReleases;
    private String standby;
    private MaintenanceWindows windows = MaintenanceWindows.ANY_TIME;
    private String outsideWindowReason;
    private Path estimateFile;
    private Clock clock = Clock.systemUTC();
    private PromotionOptions promotion = PromotionOptions.NONE;

    MigratorConfiguration() {
    }

    /** A configuration with every setting (target, tool, location, lock wait, release, operator) from settings. */
    public static MigratorConfiguration from(Settings settings, Target target) {
        return from(settings).target(target);
    }

    /**
     * A configuration without a target, for a strategy that runs the engine elsewhere: it carries the settings on
     * and never loads here.
     */
    public static MigratorConfiguration from(Settings settings) {
        MigratorConfiguration configuration = new MigratorConfiguration()
                .location(settings.require(CoreSetting.LOCATION))
                .lockWait(settings.duration(CoreSetting.LOCK_WAIT))
                .toolOptions(ToolOptionsReader.read(settings))
                .allowList(settings.allowList())
                .lockGuard(LockGuard.from(settings));
        SafetyMode safety = SafetyMode.parse(settings.require(CoreSetting.SAFETY));
        configuration.safety = safety;
        if (settings.given(CoreSetting.SAFETY)) {
            configuration.contractSafety = safety;
        }
        configuration.runningReleases = settings.get(CoreSetting.RUNNING_RELEASE).map(value -> RunningRelease
                .parse(value, settings.sourceOf(CoreSetting.RUNNING_RELEASE)));
        configuration.trustUnknownReleases = settings.bool(CoreSetting.TRUST_UNKNOWN_RELEASES);
        configuration.standby = settings.get(CoreSetting.STANDBY).orElse(null);
        settings.get(CoreSetting.WINDOWS).ifPresent(value -> configuration.windows(MaintenanceWindows.parse(value,
                settings.sourceOf(CoreSetting.WINDOWS))));
        configuration.outsideWindowReason = settings.get(CoreSetting.OUTSIDE_WINDOW).orElse(null);
        configuration.estimateFile = settings.get(CoreSetting.ESTIMATE_FROM).map(Path::of).orElse(null);
        configuration.promotion = PromotionOptions.from(settings);
        settings.get(CoreSetting.TOOL).ifPresent(configuration::tool);
        settings.get(CoreSetting.RELEASE).ifPresent(configuration::release);
        settings.get(CoreSetting.OPERATOR).ifPresent(configuration::operator);
        return configuration;
    }

    public MigratorConfiguration target(Target target) {
        this.target = Objects.requireNonNull(target, "target");
        return this;
    }

    public MigratorConfiguration tool(String tool) {
        this.tool = Objects.requireNonNull(tool, "tool");
        return this;
    }

    public MigratorConfiguration location(String location) {
        this.location = Objects.requireNonNull(location, "location");
        return this;
    }

    public MigratorConfiguration lockWait(Duration lockWait) {
        this.lockWait = Objects.requireNonNull(lockWait, "lockWait");
        return this;
    }

    /**
     * What migrate does with the static check of its pending migrations (default {@link SafetyMode#WARN}) and
     * with the contract gate (default {@link SafetyMode#BLOCK}): given here, it sets both.
     */
    public MigratorConfiguration safety(SafetyMode safety) {
        this.safety = Objects.requireNonNull(safety, "safety");
        this.contractSafety = safety;
        return this;
    }

    /**
     * The releases that serve traffic now, for the contract gate; by default none is known, and the gate refuses
     * a contract that depends on them.
     */
    public MigratorConfiguration runningReleases(List<RunningRelease> running) {
        this.runningReleases = Optional.of(List.copyOf(running));
        return this;
    }

    /** The person on standby, recorded in the journal; {@code required} makes a run without one refused. */
    public MigratorConfiguration standby(String person) {
        this.standby = person;
        return this;
    }

    /** When runs that change the schema may start; default any time. */
    public MigratorConfiguration windows(MaintenanceWindows allowed) {
        this.windows = Objects.requireNonNull(allowed, "windows");
        return this;
    }

    /** Why this run may start outside the windows; the journal records it. */
    public MigratorConfiguration outsideWindow(String reason) {
        this.outsideWindowReason = reason;
        return this;
    }

    /** {@code verify}'s JSON for the pending migrations, whose estimate must fit in the window. */
    public MigratorConfiguration estimateFrom(Path verifyJson) {
        this.estimateFile = verifyJson;
        return this;
    }

    /**
     * The environment this target is (recorded with each migration applied), the one whose success its pending
     * migrations need first, and the proof; default none.
     */
    public MigratorConfiguration promotion(PromotionOptions options) {
        this.promotion = Objects.requireNonNull(options, "promotion");
        return this;
    }

    /** The clock the windows are judged by; default the system's. */
    public MigratorConfiguration clock(Clock time) {
        this.clock = Objects.requireNonNull(time, "clock");
        return this;
    }

    /** Whether a running release the journal has never seen counts as new for the contract gate; default no. */
    public MigratorConfiguration trustUnknownReleases(boolean trust) {
        this.trustUnknownReleases = trust;
        return this;
    }

    /** Settings only some tools read (classpath, Liquibase's search path, contexts and labels, ...). */
    public MigratorConfiguration toolOptions(ToolOptions toolOptions) {
        this.toolOptions = Objects.requireNonNull(toolOptions, "toolOptions");
        return this;
    }

    /** Findings accepted outside the migrations (the config file's {@code allow:} list); default none. */
    public MigratorConfiguration allowList(AllowList allowList) {
        this.allowList = Objects.requireNonNull(allowList, "allowList");
        return this;
    }

    /**
     * How migration statements wait for table locks: a short {@code lock_timeout}, retries, blockers reported;
     * default {@link LockGuard#DEFAULTS}.
     */
    public MigratorConfiguration lockGuard(LockGuard lockGuard) {
        this.lockGuard = Objects.requireNonNull(lockGuard, "lockGuard");
        return this;
    }

    /** Adds a listener; every listener added receives every event, in the order they were added. */
    public MigratorConfiguration addListener(EventListener added) {
        Objects.requireNonNull(added, "listener");
        this.listener = this.listener == EventListener.NONE ? added : this.listener.andThen(added);
        return this;
    }

    /** The strategy name recorded in the journal ({@code library} when the app calls the engine itself). */
    public MigratorConfiguration strategy(String strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    public MigratorConfiguration release(String release) {
        this.release = release;
        return this;
    }

    public MigratorConfiguration operator(String operator) {
        this.operator = operator;
        return this;
    }

    /** The fleet run this run is part of, recorded in its journal row. */
    public MigratorConfiguration fleet(String fleetRun) {
        this.fleet = fleetRun;
        return this;
    }

    /** The tools to choose from; by default those ServiceLoader finds on the context class loader. */
    public MigratorConfiguration tools(MigrationTools tools) {
        this.tools = Objects.requireNonNull(tools, "tools");
        return this;
    }

    /**
     * How a strategy asks for a go-ahead before it runs something people must confirm (a shell in a live pod,
     * a protected target); by default nothing is confirmed and such runs are refused.
     */
    public MigratorConfiguration confirmation(Confirmation confirmation) {
        this.confirmation = Objects.requireNonNull(confirmation, "confirmation");
        return this;
    }

    /**
     * The migrator for this configuration, with the tool detected from the location when none was given.
     *
     * @throws MigrateException {@code CONFIGURATION} without a target, or when no tool can be detected
     */
    public Migrator load() {
        if (target == null) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "No target database configured.",
                    "Call target(...) with the database to migrate.", null);
        }
        return new Migrator(copy().withDetectedTool());
    }

    /**
     * What a strategy is given: a read-only copy of this configuration, with or without a target, from which it
     * makes the migrator for the target it reaches.
     */
    public RunConfiguration readOnly() {
        return new ReadOnlyConfiguration(copy());
    }

    private EngineConfiguration copy() {
        MigrationTools chosen = tools != null ? tools
                : MigrationTools.discover(Thread.currentThread().getContextClassLoader());
        return new EngineConfiguration(target, tool, location, lockWait, listener, strategy, release, operator, fleet,
                chosen, confirmation, safety, toolOptions, allowList, lockGuard, new ContractGateOptions(
                        contractSafety, runningReleases, trustUnknownReleases), new RunPolicy(standby, windows,
                        outsideWindowReason, estimateFile, clock), promotion);
    }
}

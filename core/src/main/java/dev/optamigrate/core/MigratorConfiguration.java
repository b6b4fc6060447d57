package dev.optamigrate.core;

import dev.optamigrate.core.analysis.AllowList;
import dev.optamigrate.core.analysis.SafetyMode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.settings.ToolOptionsReader;
import dev.optamigrate.core.spi.Confirmation;
import dev.optamigrate.core.spi.ToolOptions;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.tool.MigrationTools;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Fluent configuration of the engine; {@link #load()} gives the {@link Migrator}. Everything but the target has a
 * default: the tool is detected from the location, which is {@code db/migration}; the lock wait is 10 minutes; the
 * safety check warns.
 */
public final class MigratorConfiguration {
    private Target target;
    private String tool;
    private String location = Setting.LOCATION.defaultValue();
    private Duration lockWait = Duration.ofMinutes(10);
    private EventListener listener = EventListener.NONE;
    private String strategy = "library";
    private String release;
    private String operator = System.getProperty("user.name");
    private MigrationTools tools;
    private Confirmation confirmation = Confirmation.REFUSE;
    private SafetyMode safety = SafetyMode.WARN;
    private ToolOptions toolOptions = ToolOptions.DEFAULTS;
    private AllowList allowList = AllowList.NONE;

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
                .location(settings.require(Setting.LOCATION))
                .lockWait(settings.duration(Setting.LOCK_WAIT))
                .safety(SafetyMode.parse(settings.require(Setting.SAFETY)))
                .toolOptions(ToolOptionsReader.read(settings))
                .allowList(settings.allowList());
        settings.get(Setting.TOOL).ifPresent(configuration::tool);
        settings.get(Setting.RELEASE).ifPresent(configuration::release);
        settings.get(Setting.OPERATOR).ifPresent(configuration::operator);
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

    /** What migrate does with the static check of its pending migrations; default {@link SafetyMode#WARN}. */
    public MigratorConfiguration safety(SafetyMode safety) {
        this.safety = Objects.requireNonNull(safety, "safety");
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

    /** Adds a listener; every listener added receives every event. */
    public MigratorConfiguration listener(EventListener listener) {
        this.listener = this.listener == EventListener.NONE ? listener : this.listener.andThen(listener);
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

    public Migrator load() {
        if (target == null) {
            throw new MigrateException(ErrorCode.CONFIGURATION, "No target database configured.",
                    "Call target(...) with the database to migrate.", null);
        }
        if (tools == null) {
            tools = MigrationTools.discover(Thread.currentThread().getContextClassLoader());
        }
        if (tool == null) {
            tool = tools.detect(location).tool();
        }
        return new Migrator(this);
    }

    public Target target() {
        return target;
    }

    /** The tool's name; {@code null} until {@link #load()} detects it when none was given. */
    public String tool() {
        return tool;
    }

    public String location() {
        return location;
    }

    public Duration lockWait() {
        return lockWait;
    }

    public SafetyMode safety() {
        return safety;
    }

    public ToolOptions toolOptions() {
        return toolOptions;
    }

    public AllowList allowList() {
        return allowList;
    }

    public EventListener listener() {
        return listener;
    }

    public String strategy() {
        return strategy;
    }

    public Optional<String> release() {
        return Optional.ofNullable(release);
    }

    public Optional<String> operator() {
        return Optional.ofNullable(operator);
    }

    public Confirmation confirmation() {
        return confirmation;
    }

    MigrationTools tools() {
        return tools;
    }
}

package dev.optamigrate.core.settings;

import dev.optamigrate.core.analysis.AllowList;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolved settings: command-line flags over the environment over the config file over the defaults.
 * Each value remembers where it came from, so that an error can say which flag, variable or file to fix.
 */
public final class Settings {
    private final Map<Setting, String> flags;
    private final Map<String, String> environment;
    private final Map<Setting, String> file;
    private final Optional<Path> configFile;
    private final AllowList allowList;
    /** What a flag's name starts with, in messages: {@code --}, or a framework's property prefix. */
    private final String flagPrefix;

    Settings(Map<Setting, String> flags, Map<String, String> environment, Map<Setting, String> file,
            Optional<Path> configFile, AllowList allowList) {
        this(flags, environment, file, configFile, allowList, "--");
    }

    private Settings(Map<Setting, String> flags, Map<String, String> environment, Map<Setting, String> file,
            Optional<Path> configFile, AllowList allowList, String flagPrefix) {
        this.flagPrefix = flagPrefix;
        this.flags = copy(flags);
        this.environment = Map.copyOf(environment);
        this.file = copy(file);
        this.configFile = configFile;
        this.allowList = allowList;
    }

    private static Map<Setting, String> copy(Map<Setting, String> values) {
        Map<Setting, String> copy = new HashMap<>();
        values.forEach((setting, value) -> {
            if (value != null) {
                copy.put(setting, value);
            }
        });
        return copy;
    }

    /** Settings from the defaults and the given environment only (for library use). */
    public static Settings fromEnvironment(Map<String, String> environment) {
        return new Settings(Map.of(), environment, Map.of(), Optional.empty(), AllowList.NONE);
    }

    /** Settings from flags and an environment only, with no config file (for a server other than the target). */
    public static Settings fromFlags(Map<Setting, String> flags, Map<String, String> environment) {
        return new Settings(flags, environment, Map.of(), Optional.empty(), AllowList.NONE);
    }

    /**
     * Settings from a framework's properties (which win over the environment, as flags do) and an environment,
     * with no config file; messages name a property as {@code prefix + key}, e.g. {@code opta-migrate.lock-wait}.
     */
    public static Settings fromProperties(Map<Setting, String> properties, String prefix,
            Map<String, String> environment) {
        return new Settings(properties, environment, Map.of(), Optional.empty(), AllowList.NONE, prefix);
    }

    public Optional<String> get(Setting setting) {
        if (flags.containsKey(setting)) {
            return Optional.of(flags.get(setting));
        }
        String fromEnvironment = environment.get(setting.environmentVariable());
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment);
        }
        if (file.containsKey(setting)) {
            return Optional.of(file.get(setting));
        }
        return Optional.ofNullable(setting.defaultValue());
    }

    /** The value, which has a default or was checked to be present. */
    public String require(Setting setting) {
        return get(setting).orElseThrow(() -> new IllegalStateException(setting.key() + " has no value"));
    }

    public Duration duration(Setting setting) {
        return Durations.parse(require(setting), setting.key() + " (from " + sourceOf(setting) + ")");
    }

    /** A whole number of zero or more, for example a retry count. */
    public int count(Setting setting) {
        String value = require(setting);
        try {
            int count = Integer.parseInt(value.trim());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new MigrateException(CoreErrorCode.CONFIGURATION, setting.key() + " (from " + sourceOf(setting)
                + ") must be a whole number of zero or more, not '" + value + "'.", null, null);
    }

    /** A yes/no setting: {@code true} or {@code false}, in any case. */
    public boolean bool(Setting setting) {
        String value = require(setting).trim();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new MigrateException(CoreErrorCode.CONFIGURATION, setting.key() + " (from " + sourceOf(setting)
                + ") must be true or false, not '" + value + "'.", null, null);
    }

    /** True when the setting was given (flag, variable or file) rather than left at its default. */
    public boolean given(Setting setting) {
        return !sourceOf(setting).equals("the default");
    }

    /**
     * These settings with more variables in their environment, which win over the process's own: for database
     * variables read from elsewhere, such as a Kubernetes Secret.
     */
    public Settings withEnvironment(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(more);
        return new Settings(flags, merged, file, configFile, allowList, flagPrefix);
    }

    /** Where the value of a setting came from, in words a user can act on. */
    public String sourceOf(Setting setting) {
        if (flags.containsKey(setting)) {
            return flagPrefix + setting.key();
        }
        String fromEnvironment = environment.get(setting.environmentVariable());
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return setting.environmentVariable();
        }
        if (file.containsKey(setting)) {
            return configFile.map(path -> setting.key() + " in " + path).orElse(setting.key());
        }
        return "the default";
    }

    /** The process environment these settings were read with (for Opta-style variables). */
    public Map<String, String> environment() {
        return environment;
    }

    /** The findings the config file's {@code allow:} list accepts. */
    public AllowList allowList() {
        return allowList;
    }

    public Optional<Path> configFile() {
        return configFile;
    }
}

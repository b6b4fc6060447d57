package dev.optamigrate.cli.options;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.settings.SettingsLoader;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;

/** The options every database verb shares: target, source and output. */
public final class CommonOptions {
    @Mixin
    public TargetOptions target;

    @Mixin
    public SourceOptions source;

    @Mixin
    public OutputOptions output;

    /** Settings from these flags (and any extra ones), the environment and the config file. */
    public Settings settings(CliEnvironment environment, RunOptions run, Map<Setting, String> extra) {
        return settings(environment, target, source, run, extra);
    }

    /** Settings from these target and source flags (and any others), the environment and the config file. */
    public static Settings settings(CliEnvironment environment, TargetOptions target, SourceOptions source,
            RunOptions run, Map<Setting, String> extra) {
        Map<Setting, String> flags = new HashMap<>();
        target.addTo(flags);
        source.addTo(flags);
        if (run != null) {
            run.addTo(flags);
        }
        flags.putAll(extra);
        return SettingsLoader.load(flags, environment.variables(),
                target.config().map(path -> environment.workingDir().resolve(path)), environment.workingDir());
    }
}

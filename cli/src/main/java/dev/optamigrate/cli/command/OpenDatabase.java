package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.TargetOptions;
import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.target.TargetResolver;
import dev.optamigrate.core.tool.MigrationTools;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * The database a command works on, its tool, and a ready engine configuration: the one way every verb that
 * touches a database opens it. Close it to stop an embedded server.
 */
final class OpenDatabase implements AutoCloseable {
    private final TargetSession session;
    private final String tool;
    private final Settings settings;
    private final MigrationTools tools;

    private OpenDatabase(TargetSession session, String tool, Settings settings, MigrationTools tools) {
        this.session = session;
        this.tool = tool;
        this.settings = settings;
        this.tools = tools;
    }

    /**
     * Checks the target settings, settles the tool (named, or detected from the location and said so), and only
     * then starts an embedded server if one was asked for: every mistake is reported before anything starts.
     *
     * @param targetOptional true for a verb that also works without a target ({@code verify}); otherwise a missing
     *                       target is the usual configuration error
     * @param notices        where the detected tool and the embedded server's start are told
     */
    static OpenDatabase open(TargetOptions options, Settings settings, MigrationTools tools, CliEnvironment environment,
            PrintWriter notices, boolean targetOptional) {
        boolean hasTarget = options.embedded() || new TargetResolver(settings).configured();
        TargetSession configured = hasTarget || !targetOptional ? TargetSession.configure(options, settings) : null;
        String tool = settleTool(tools, settings, notices);
        return new OpenDatabase(configured == null ? null : configured.start(environment, notices), tool, settings,
                tools);
    }

    /** The tool named in the settings, or the one detected from the location, which is then said. */
    private static String settleTool(MigrationTools tools, Settings settings, PrintWriter notices) {
        Optional<String> named = settings.get(CoreSetting.TOOL);
        if (named.isPresent()) {
            tools.byName(named.get());
            return named.get();
        }
        MigrationTools.Detection detection = tools.detect(settings.require(CoreSetting.LOCATION));
        notices.println("Tool: " + detection.tool() + " (detected from " + detection.evidence() + ")");
        notices.flush();
        return detection.tool();
    }

    /** The target; empty only when it was optional and none was given. */
    Optional<Target> target() {
        return Optional.ofNullable(session).map(TargetSession::target);
    }

    String tool() {
        return tool;
    }

    /** A configuration for the target, with the settled tool. */
    MigratorConfiguration configuration() {
        return configurationFor(target().orElseThrow(() -> new IllegalStateException("opened without a target")));
    }

    /** A configuration for another database (a shadow), with the same settings and tool. */
    MigratorConfiguration configurationFor(Target database) {
        return MigratorConfiguration.from(settings, database).tool(tool).tools(tools);
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }
}

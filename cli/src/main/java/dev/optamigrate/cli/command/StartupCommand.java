package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.RunOptions;
import dev.optamigrate.core.settings.Durations;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.MigrationRequest;
import dev.optamigrate.core.tool.MigrationTools;
import dev.optamigrate.strategy.startup.ServerLauncher;
import dev.optamigrate.strategy.startup.StartupStrategy;
import dev.optamigrate.strategy.startup.StartupStrategyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Migrates, then runs the server command in its place. */
@Command(name = "startup", description = {
    "Migrate, then start the server command in this process's place.",
    "",
    "The server gets this process's stdin, stdout and stderr; SIGTERM and SIGINT are forwarded to it, and its "
            + "exit code becomes this command's. If the migration fails, the server never starts and the exit "
            + "code says why. Replicas starting together are safe: one migrates, the others wait for the lock. "
            + "Use it as a container's entrypoint:",
    "%n  opta-migrate startup --location /app/db/migration -- java -jar /app/server.jar",
    ""})
public final class StartupCommand extends DatabaseCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Option(names = "--budget", paramLabel = "DURATION", defaultValue = "30s",
            description = "How long a migration may take before a warning says it belongs in a Job "
                    + "(health checks usually allow about 30s). Default: ${DEFAULT-VALUE}.")
    String budget;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The server command, after `--`.")
    List<String> command;

    @Inject
    StartupCommand(CliEnvironment environment, MigrationTools tools) {
        super(environment, tools);
    }

    @Override
    public Integer call() {
        Settings settings = options.settings(environment, run, Map.of());
        StartupStrategy strategy = new StartupStrategy(Durations.parse(budget, "--budget"));
        try (OpenDatabase database = openDatabase(settings)) {
            var configuration = database.configuration().addListener(eventPrinter());
            strategy.execute(new MigrationRequest(configuration.readOnly(), StartupStrategyProvider.NAME, settings));
            notices().println("Starting " + String.join(" ", command));
            notices().flush();
            return ServerLauncher.run(command);
        }
    }
}

package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.output.StatusView;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.ToolStatus;
import dev.optamigrate.core.tool.MigrationTools;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Shows applied, pending and failed migrations. Reads only; takes no lock. */
@Command(name = "status", description = {
    "Show the current version and the applied, pending and failed migrations. Reads only.",
    "",
    "JSON (--output json): {\"tool\", \"target\", \"current\", \"upToDate\", \"applied\": [...], "
            + "\"pending\": [...], \"failed\": [...]}, each migration with \"version\", \"description\", "
            + "\"script\", \"state\" and \"installedOn\".",
    ""})
public final class StatusCommand extends DatabaseCommand implements Callable<Integer> {

    @Inject
    StatusCommand(CliEnvironment environment, MigrationTools tools) {
        super(environment, tools);
    }

    @Override
    public Integer call() {
        Settings settings = options.settings(environment, null, Map.of());
        try (OpenDatabase database = openDatabase(settings)) {
            ToolStatus status = database.configuration().load().status();
            String target = database.target().orElseThrow().describe();
            if (options.output.json()) {
                out().println(StatusView.json(status, target));
            } else {
                StatusView.text(status, target, out());
            }
        }
        return 0;
    }
}

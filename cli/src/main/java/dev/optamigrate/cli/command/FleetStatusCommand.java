package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.FleetOptions;
import dev.optamigrate.cli.output.FleetView;
import dev.optamigrate.core.fleet.FleetStatus;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.tool.MigrationTools;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** How many targets of a fleet are at each version, and which are behind and why. */
@Command(name = "status", description = {
    "Read every target of the fleet (at most --per-server of one server at once): how many are at each version, "
            + "and which are behind, with why (pending or failed migrations, and the journal's last run). Reads "
            + "only; takes no lock.",
    "",
    "Examples:",
    "%n  opta-migrate fleet status --url jdbc:postgresql://db:5432/app --location db/migration --targets tenants.txt",
    "",
    "JSON (--output json): {\"targets\", \"byVersion\": {\"<version>\": count}, \"behind\": [{\"name\", "
            + "\"version\", \"pending\", \"failed\", \"reason\"}]}. Exits 0 whether or not targets are behind.",
    ""})
public final class FleetStatusCommand extends DatabaseCommand implements Callable<Integer> {
    @Mixin
    FleetOptions fleet;

    @Inject
    FleetStatusCommand(CliEnvironment environment, MigrationTools tools) {
        super(environment, tools);
    }

    @Override
    public Integer call() {
        Settings settings = options.settings(environment, null, Map.of());
        FleetStatus status;
        try (OpenDatabase database = openDatabase(settings)) {
            status = FleetStatus.read(fleet.targets(database.target().orElseThrow(), environment.workingDir(),
                    environment.variables()), target -> database.configurationFor(target).load(), fleet.perServer());
        }
        if (options.output.json()) {
            out().println(FleetView.json(status));
        } else {
            FleetView.print(status, out());
        }
        out().flush();
        return 0;
    }
}

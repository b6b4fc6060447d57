package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.ReleaseOptions;
import dev.optamigrate.cli.output.StatusView;
import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.release.ReleaseStatus;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.ToolStatus;
import dev.optamigrate.core.tool.MigrationTools;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Shows applied, pending and failed migrations. Reads only; takes no lock. */
@Command(name = "status", description = {
    "Show the current version and the applied, pending and failed migrations, each pending one's phase "
            + "(expand or contract), what is retired and not yet contracted, and why a pending contract is not "
            + "ready. Reads only.",
    "",
    "The contract gate is judged as migrate would judge it with the same --release, --running-release and "
            + "--trust-unknown-releases.",
    "",
    "JSON (--output json): {\"tool\", \"target\", \"current\", \"upToDate\", \"applied\": [...], "
            + "\"pending\": [...], \"failed\": [...], \"retired\": [...], \"contractsNotReady\": [...]}, each "
            + "migration with \"version\", \"description\", \"script\", \"state\" and \"installedOn\" (pending "
            + "ones also \"phase\" and \"contracts\"); each retirement with \"object\", \"release\", "
            + "\"migration\" and \"retiredAt\"; each contract not ready with \"migration\", \"object\", "
            + "\"reason\" and \"acceptedBy\".",
    ""})
public final class StatusCommand extends DatabaseCommand implements Callable<Integer> {
    @Mixin
    ReleaseOptions releases = new ReleaseOptions();

    @Inject
    StatusCommand(CliEnvironment environment, MigrationTools tools) {
        super(environment, tools);
    }

    @Override
    public Integer call() {
        Map<Setting, String> flags = new HashMap<>();
        releases.addTo(flags);
        Settings settings = options.settings(environment, null, flags);
        try (OpenDatabase database = openDatabase(settings)) {
            Migrator migrator = database.configuration().load();
            ToolStatus status = migrator.status();
            ReleaseStatus phases = migrator.releaseStatus();
            String target = database.target().orElseThrow().describe();
            if (options.output.json()) {
                out().println(StatusView.json(status, phases, target));
            } else {
                StatusView.text(status, phases, target, out());
            }
        }
        return 0;
    }
}

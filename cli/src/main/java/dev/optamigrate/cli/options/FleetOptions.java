package dev.optamigrate.cli.options;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.fleet.FleetTarget;
import dev.optamigrate.core.fleet.TargetKind;
import dev.optamigrate.core.fleet.TargetList;
import dev.optamigrate.core.target.Target;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Which targets a fleet verb works on, and how many of one server at once. */
public final class FleetOptions {
    @Option(names = "--targets", paramLabel = "FILE", description = "The fleet, one per line: a schema (or with "
            + "--kind database a database) of the target's server, or a jdbc:postgresql:// URL for one elsewhere "
            + "(?currentSchema=... for a schema there). Blank lines and # comments are skipped.")
    Path targets;

    @Option(names = "--targets-query", paramLabel = "SQL", description = "The fleet from a read-only query on the "
            + "target (the catalog database), one name per row in its first column, e.g. \"select schema_name from "
            + "tenants\".")
    String query;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "schema", description = "What a name is: schema "
            + "(the tool's history and the journal rows are the schema's own; it is the search_path) or database. "
            + "Default: ${DEFAULT-VALUE}.")
    String kind;

    @Option(names = "--per-server", paramLabel = "N", defaultValue = "4", description = "How many targets of one "
            + "server migrate (or are read) at once; each holds three connections. Default: ${DEFAULT-VALUE}.")
    int perServer;

    public int perServer() {
        return perServer;
    }

    /** The fleet's members, from the file or the query. */
    public List<FleetTarget> targets(Target base, Path workingDir) {
        if ((targets == null) == (query == null)) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, targets == null ? "No fleet: give --targets or "
                    + "--targets-query." : "--targets and --targets-query both name the fleet.", "Give one: "
                            + "--targets tenants.txt, or --targets-query \"select schema_name from tenants\".", null);
        }
        TargetKind parsed = TargetKind.parse(kind);
        return targets != null ? TargetList.fromFile(workingDir.resolve(targets), parsed, base)
                : TargetList.fromQuery(query, parsed, base);
    }
}

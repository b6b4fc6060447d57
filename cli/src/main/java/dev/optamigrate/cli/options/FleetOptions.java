package dev.optamigrate.cli.options;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.fleet.FleetTarget;
import dev.optamigrate.core.fleet.TargetKind;
import dev.optamigrate.core.fleet.TargetList;
import dev.optamigrate.core.target.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Option(names = "--targets-from-env", paramLabel = "VARIABLE", description = "The fleet from an environment "
            + "variable, one per line as in a --targets file: how the pods of `fleet migrate --strategy job` get the "
            + "list they were given.")
    String variable;

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

    /** The fleet's members, from the file, the query or the variable. */
    public List<FleetTarget> targets(Target base, Path workingDir, Map<String, String> environment) {
        requireOneSource();
        TargetKind parsed = TargetKind.parse(kind);
        if (variable != null) {
            return TargetList.fromText(variableText(environment), "variable " + variable, parsed, base);
        }
        return targets != null ? TargetList.fromFile(workingDir.resolve(targets), parsed, base)
                : TargetList.fromQuery(query, parsed, base);
    }

    /**
     * The options that give a pod of the fleet's Indexed Job the same fleet: the query as it is, or a file's (or
     * variable's) members in {@code variable}, which {@code carried} receives for the Job's container.
     */
    public List<String> forShards(Path workingDir, Map<String, String> environment, String carrier,
            Map<String, String> carried) {
        requireOneSource();
        TargetKind.parse(kind);
        List<String> arguments = new ArrayList<>(List.of("--kind", kind, "--per-server", String.valueOf(perServer)));
        if (query != null) {
            arguments.addAll(List.of("--targets-query", query));
            return arguments;
        }
        carried.put(carrier, targets != null ? String.join("\n", TargetList.memberLines(workingDir.resolve(targets)))
                : variableText(environment));
        arguments.addAll(List.of("--targets-from-env", carrier));
        return arguments;
    }

    private String variableText(Map<String, String> environment) {
        String text = environment.get(variable);
        if (text == null) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--targets-from-env names " + variable + ", which "
                    + "is not set.", "Set it to the targets, one per line.", null);
        }
        return text;
    }

    private void requireOneSource() {
        int given = (targets == null ? 0 : 1) + (query == null ? 0 : 1) + (variable == null ? 0 : 1);
        if (given != 1) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, given == 0 ? "No fleet: give --targets or "
                    + "--targets-query." : "Only one of --targets, --targets-query and --targets-from-env may name the "
                    + "fleet.", "Give one: --targets tenants.txt, or --targets-query \"select schema_name from "
                            + "tenants\".", null);
        }
    }
}

package dev.optamigrate.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.FailOnOptions;
import dev.optamigrate.cli.options.FleetOptions;
import dev.optamigrate.cli.output.ConsoleEventPrinter;
import dev.optamigrate.cli.output.Json;
import dev.optamigrate.cli.output.RehearsalView;
import dev.optamigrate.core.analysis.SafetyMode;
import dev.optamigrate.core.fleet.FleetStatus;
import dev.optamigrate.core.fleet.FleetTarget;
import dev.optamigrate.core.fleet.RehearsalGroups;
import dev.optamigrate.core.rehearsal.Estimate;
import dev.optamigrate.core.rehearsal.Rehearsal;
import dev.optamigrate.core.rehearsal.RehearsalReport;
import dev.optamigrate.core.rehearsal.Shadow;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.tool.MigrationTools;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The rehearsal of a fleet's pending migrations, on its largest target at each version. */
@Command(name = "verify", description = {
    "Rehearse the fleet's pending migrations as `verify` does, once per version the targets are at: the targets at "
            + "one version have the same migrations pending, and the largest of them (its tables, indexes and "
            + "TOAST; for --kind database the whole database) holds the longest locks. The shadow replays what that "
            + "target applied (into a schema of the same name, for a schema target), drift against it is reported, "
            + "and estimates use its table sizes. Reads the targets only.",
    "",
    "Examples:",
    "%n  opta-migrate fleet verify --url jdbc:postgresql://db:5432/app --location db/migration --targets tenants.txt",
    "",
    "JSON (--output json): {\"groups\": [{\"version\", \"targets\", \"rehearsedOn\", \"bytes\", \"report\": <the "
            + "JSON of verify>}]}. Exits with UNSAFE_MIGRATION when a finding at or above --fail-on remains in any "
            + "group.",
    ""})
public final class FleetVerifyCommand extends DatabaseCommand implements Callable<Integer> {
    @Mixin
    FleetOptions fleet;

    @Mixin
    ShadowChoice shadowChoice;

    @Mixin
    FailOnOptions failOn;

    @Inject
    FleetVerifyCommand(CliEnvironment environment, MigrationTools tools) {
        super(environment, tools);
    }

    @Override
    public Integer call() {
        Settings settings = options.settings(environment, null, Map.of());
        Function<OptionalInt, Shadow> shadows = shadowChoice.checked(environment, notices());
        List<RehearsalGroups.Group> groups;
        List<RehearsalReport> reports = new ArrayList<>();
        try (OpenDatabase database = openDatabase(settings)) {
            List<FleetTarget> targets = fleet.targets(database.target().orElseThrow(), environment.workingDir(),
                    environment.variables());
            groups = RehearsalGroups.of(targets, FleetStatus.read(targets, target -> database.configurationFor(target)
                    .load(), fleet.perServer()));
            for (RehearsalGroups.Group group : groups) {
                notices().println("Rehearsing for the " + group.members().size() + " target(s) at version "
                        + group.version() + " on " + group.largest().name() + ", the largest ("
                        + Estimate.bytes(group.bytes()) + ") ...");
                notices().flush();
                Rehearsal rehearsal = new Rehearsal(target -> database.configurationFor(target)
                        .safety(SafetyMode.OFF).load(), Optional.of(group.largest().target()),
                        new ConsoleEventPrinter(notices()));
                try (Shadow shadow = shadows.apply(OptionalInt.of(ShadowServers.majorVersion(group.largest()
                        .target())))) {
                    reports.add(rehearsal.run(shadow).accepting(settings.allowList()));
                }
            }
        }
        return print(groups, reports);
    }

    private int print(List<RehearsalGroups.Group> groups, List<RehearsalReport> reports) {
        PrintWriter out = out();
        if (groups.isEmpty()) {
            notices().println("No target has pending migrations: nothing to rehearse.");
        }
        ObjectNode root = Json.object();
        ArrayNode json = root.putArray("groups");
        int exitCode = 0;
        for (int i = 0; i < groups.size(); i++) {
            RehearsalGroups.Group group = groups.get(i);
            if (options.output.json()) {
                json.addObject().put("version", group.version()).put("targets", group.members().size())
                        .put("rehearsedOn", group.largest().name()).put("bytes", group.bytes())
                        .set("report", RehearsalView.json(reports.get(i), failOn.threshold()));
            } else {
                out.println("Version " + group.version() + " (" + group.members().size() + " target(s)), rehearsed on "
                        + group.largest().name() + ":");
                RehearsalView.printText(reports.get(i), failOn.threshold(), out);
            }
            exitCode = Math.max(exitCode, failOn.exitCode(reports.get(i).findings(), spec.commandLine().getErr(),
                    !options.output.json() && exitCode == 0));
        }
        if (options.output.json()) {
            out.println(Json.write(root));
        }
        out.flush();
        notices().flush();
        return exitCode;
    }
}

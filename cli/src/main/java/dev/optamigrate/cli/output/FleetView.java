package dev.optamigrate.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optamigrate.core.fleet.FleetListener;
import dev.optamigrate.core.fleet.FleetReport;
import dev.optamigrate.core.fleet.FleetStatus;
import dev.optamigrate.core.fleet.FleetTarget;
import dev.optamigrate.core.fleet.Rollout;
import dev.optamigrate.core.fleet.TargetOutcome;
import dev.optamigrate.core.fleet.TargetState;
import dev.optamigrate.core.fleet.TargetStatus;
import dev.optamigrate.core.settings.Durations;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A fleet run as it goes (one line per target, to the notices), its summary, its status, and their JSON. */
public final class FleetView implements FleetListener {
    private static final List<TargetState> SUMMARY_ORDER = List.of(TargetState.APPLIED, TargetState.PARKED,
            TargetState.LOCKED, TargetState.PENDING);

    private final PrintWriter notices;

    public FleetView(PrintWriter notices) {
        this.notices = notices;
    }

    /** The run's id first, so that a run cut off can be resumed. */
    public void started(String id, List<FleetTarget> targets, Rollout rollout, boolean resumed) {
        long servers = targets.stream().map(target -> target.target().hostAndPort()).distinct().count();
        say((resumed ? "Resuming fleet run " : "Fleet run ") + id + ": " + targets.size() + " target(s) on " + servers
                + " server(s), at most " + rollout.perServer() + " at once per server, error budget "
                + rollout.maxFailures() + ". Resume it with --resume " + id + ".");
    }

    @Override
    public void phaseStarted(Rollout.Phase phase, int toRun) {
        say(phase.name() + ": " + toRun + " target(s) ...");
    }

    @Override
    public void targetFinished(TargetOutcome outcome, int finished, int total) {
        int width = String.valueOf(total).length();
        say(String.format(Locale.ROOT, "[%" + width + "d/%d] %s %s%s", finished, total, outcome.state().label(),
                outcome.name(), detail(outcome)));
    }

    @Override
    public void halted(String reason) {
        say("Halted: " + reason + " No other target starts; those running finish.");
    }

    private static String detail(TargetOutcome outcome) {
        if (outcome.state() == TargetState.APPLIED) {
            return ": " + version(outcome.from()) + " -> " + version(outcome.to()) + " (" + outcome.applied()
                    + " migration(s), " + Durations.format(outcome.took()) + ")";
        }
        return outcome.reason() == null ? "" : ": " + outcome.reason();
    }

    private static String version(String version) {
        return version == null ? "none" : version;
    }

    public static void summary(FleetReport report, PrintWriter out) {
        out.println("Fleet run " + report.id() + ": " + counts(report) + ".");
        report.halted().ifPresent(reason -> out.println("Halted: " + reason));
        report.outcomes().stream().filter(outcome -> outcome.state() == TargetState.PARKED || outcome.state()
                == TargetState.LOCKED).forEach(outcome -> out.println("  " + outcome.state().label() + " "
                        + outcome.name() + ": " + outcome.reason()));
    }

    static String counts(FleetReport report) {
        return SUMMARY_ORDER.stream().map(state -> report.count(state) + " " + state.label())
                .collect(Collectors.joining(", "));
    }

    /**
     * {@code {"fleet", "halted", "counts": {"applied", "parked", "locked", "pending"}, "targets": [{"name", "state",
     * "from", "to", "applied", "elapsedMs", "reason"}]}}.
     */
    public static String json(FleetReport report) {
        return Json.write(jsonNode(report));
    }

    /** The JSON of {@link #json(FleetReport)}, for a document that adds to it. */
    static ObjectNode jsonNode(FleetReport report) {
        ObjectNode root = Json.object().put("fleet", report.id()).put("halted", report.halted().orElse(null));
        ObjectNode counts = root.putObject("counts");
        for (TargetState state : SUMMARY_ORDER) {
            counts.put(state.label(), report.count(state));
        }
        ArrayNode targets = root.putArray("targets");
        for (TargetOutcome outcome : report.outcomes()) {
            targets.addObject().put("name", outcome.name()).put("state", outcome.state().label())
                    .put("from", outcome.from()).put("to", outcome.to()).put("applied", outcome.applied())
                    .put("elapsedMs", outcome.took().toMillis()).put("reason", outcome.reason());
        }
        return root;
    }

    public static void print(FleetStatus status, PrintWriter out) {
        out.println(status.members().size() + " target(s): " + status.byVersion().entrySet().stream()
                .map(entry -> entry.getValue() + " at " + entry.getKey()).collect(Collectors.joining(", "))
                + (status.behind().isEmpty() ? "; none behind." : "; " + status.behind().size() + " behind:"));
        status.behind().forEach(member -> out.println("  " + member.name() + " (at " + version(member.version())
                + "): " + member.reason()));
    }

    /** {@code {"targets", "byVersion", "behind": [{"name", "version", "pending", "failed", "reason"}]}}. */
    public static String json(FleetStatus status) {
        ObjectNode root = Json.object().put("targets", status.members().size());
        ObjectNode byVersion = root.putObject("byVersion");
        status.byVersion().forEach(byVersion::put);
        ArrayNode behind = root.putArray("behind");
        for (TargetStatus member : status.behind()) {
            behind.addObject().put("name", member.name()).put("version", member.version())
                    .put("pending", member.pending()).put("failed", member.failed()).put("reason", member.reason());
        }
        return Json.write(root);
    }

    private void say(String line) {
        synchronized (notices) {
            notices.println(line);
            notices.flush();
        }
    }
}

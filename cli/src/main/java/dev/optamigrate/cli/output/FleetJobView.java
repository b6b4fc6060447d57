package dev.optamigrate.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optamigrate.core.fleet.FleetReport;
import dev.optamigrate.core.fleet.Shard;
import dev.optamigrate.core.fleet.TargetOutcome;
import dev.optamigrate.core.fleet.TargetState;
import dev.optamigrate.strategy.job.fleet.FleetJobResult;
import dev.optamigrate.strategy.job.fleet.ShardOutcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A fleet's Indexed Job once it ended: each shard's pod and outcome, with its targets' states when the journals
 * could be read, then the fleet's summary; and the same as JSON.
 */
public final class FleetJobView {
    private FleetJobView() {
    }

    /** @param report the fleet run from the targets' journals, when this machine reaches them */
    public static void print(FleetJobResult job, Optional<FleetReport> report, PrintWriter out) {
        out.println("Job " + job.job() + ": " + job.succeeded() + " of " + job.shards().size() + " shard(s) "
                + "succeeded.");
        for (ShardOutcome shard : job.shards()) {
            out.println("  shard " + shard.index() + shard.pod().map(pod -> " (pod " + pod + ")").orElse("") + ": "
                    + shard.detail() + report.map(fleet -> " - " + targets(fleet, shard, job)).orElse(""));
        }
        if (report.isPresent()) {
            FleetView.summary(report.get(), out);
        } else {
            out.println("The targets' outcomes are in their journals, which this machine does not reach: run "
                    + "`opta-migrate fleet status` where the database is reachable. Each shard's output: `kubectl "
                    + "logs --prefix -l job-name=" + job.job() + " --namespace " + job.namespace() + "`.");
        }
    }

    /**
     * {@code {"job", "namespace", "shards": [{"index", "pod", "exitCode", "detail", "targets": [names]}], and with
     * the journals read, the fleet run's own fields ("fleet", "halted", "counts", "targets")}}.
     */
    public static String json(String fleetRun, FleetJobResult job, Optional<FleetReport> report) {
        ObjectNode root = report.map(FleetView::jsonNode).orElseGet(() -> Json.object().put("fleet", fleetRun));
        root.put("job", job.job()).put("namespace", job.namespace());
        ArrayNode shards = root.putArray("shards");
        for (ShardOutcome shard : job.shards()) {
            ObjectNode node = shards.addObject().put("index", shard.index()).put("pod", shard.pod().orElse(null))
                    .put("exitCode", shard.exitCode().orElse(null)).put("detail", shard.detail());
            report.ifPresent(fleet -> members(fleet, shard, job).forEach(member -> node.withArray("targets")
                    .add(member.name())));
        }
        return Json.write(root);
    }

    private static String targets(FleetReport report, ShardOutcome shard, FleetJobResult job) {
        List<TargetOutcome> members = members(report, shard, job);
        String counts = List.of(TargetState.values()).stream().filter(state -> members.stream().anyMatch(member
                -> member.state() == state)).map(state -> members.stream().filter(member -> member.state() == state)
                        .count() + " " + state.label()).collect(Collectors.joining(", "));
        return members.isEmpty() ? "no target" : counts;
    }

    private static List<TargetOutcome> members(FleetReport report, ShardOutcome shard, FleetJobResult job) {
        return report.outcomes().stream().filter(outcome -> Shard.of(outcome.name(), job.shards().size())
                == shard.index()).toList();
    }
}

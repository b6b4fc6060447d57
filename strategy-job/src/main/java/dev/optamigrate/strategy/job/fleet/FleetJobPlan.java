package dev.optamigrate.strategy.job.fleet;

import java.util.Map;

/**
 * What a fleet's Indexed Job runs besides what every migration Job has.
 *
 * @param fleetRun    the fleet run's id, on the Job and in every shard's command
 * @param variables   more variables for the container, e.g. the target list
 * @param shards      how many shards, each one pod's completion
 * @param parallelism how many shards run at once
 */
public record FleetJobPlan(String fleetRun, Map<String, String> variables, int shards, int parallelism) {
    public FleetJobPlan {
        variables = Map.copyOf(variables);
    }
}

package dev.optamigrate.strategy.job.fleet;

import java.util.List;

/**
 * A fleet's Indexed Job once it ended.
 *
 * @param job       its name
 * @param namespace where it ran
 * @param shards    each shard's outcome, by index
 */
public record FleetJobResult(String job, String namespace, List<ShardOutcome> shards) {
    public FleetJobResult {
        shards = List.copyOf(shards);
    }

    public long succeeded() {
        return shards.stream().filter(ShardOutcome::succeeded).count();
    }
}

package dev.optamigrate.strategy.job.fleet;

import java.util.Optional;

/**
 * How one shard of a fleet's Indexed Job ended.
 *
 * @param index    the shard
 * @param pod      its (last) pod, once one was made
 * @param exitCode the {@code migrate} container's exit code, once it ended
 * @param detail   what happened, in words: succeeded, failed with its exit code, or why it never ran
 */
public record ShardOutcome(int index, Optional<String> pod, Optional<Integer> exitCode, String detail) {

    public boolean succeeded() {
        return exitCode.filter(code -> code == 0).isPresent();
    }
}

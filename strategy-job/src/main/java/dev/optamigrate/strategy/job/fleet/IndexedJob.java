package dev.optamigrate.strategy.job.fleet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import java.util.Optional;

/**
 * What makes a migration Job an Indexed Job of shards: {@code completionMode: Indexed}, one completion per shard,
 * and retries counted per index, so that a shard that fails neither stops nor reruns the others.
 */
public final class IndexedJob {
    /** Where the Job controller writes a pod's index. */
    public static final String INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";
    /** The variable that holds the pod's index, as the Job controller also sets it. */
    public static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";
    /** The fleet run a Job migrates. */
    public static final String FLEET_ANNOTATION = "opta-migrate.dev/fleet";

    private IndexedJob() {
    }

    /**
     * The Job, indexed.
     *
     * @param shards      how many pods complete the Job, one per shard
     * @param parallelism how many of them run at once
     */
    public static Job indexed(Job job, String fleetRun, int shards, int parallelism) {
        job.getMetadata().getAnnotations().put(FLEET_ANNOTATION, fleetRun);
        var spec = job.getSpec();
        spec.setCompletionMode("Indexed");
        spec.setCompletions(shards);
        spec.setParallelism(Math.min(shards, parallelism));
        spec.setBackoffLimitPerIndex(spec.getBackoffLimit());
        spec.setBackoffLimit(null);
        for (Container container : spec.getTemplate().getSpec().getContainers()) {
            container.getEnv().add(0, new EnvVarBuilder().withName(INDEX_VARIABLE).withNewValueFrom()
                    .withNewFieldRef().withFieldPath("metadata.annotations['" + INDEX_ANNOTATION + "']")
                    .endFieldRef().endValueFrom().build());
        }
        return job;
    }

    /** The shard a pod of the Job runs, from its annotation. */
    public static Optional<Integer> indexOf(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        String index = annotations == null ? null : annotations.get(INDEX_ANNOTATION);
        return index == null || !index.chars().allMatch(Character::isDigit) || index.isEmpty() ? Optional.empty()
                : Optional.of(Integer.parseInt(index));
    }
}

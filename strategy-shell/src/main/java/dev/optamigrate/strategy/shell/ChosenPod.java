package dev.optamigrate.strategy.shell;

import java.util.List;

/**
 * The pod a shell run executes in.
 *
 * @param name       the pod's name
 * @param image      the image its container runs
 * @param replicaSet the ReplicaSet it belongs to (the Deployment's newest)
 * @param warnings   what the rollout check saw but did not refuse, e.g. pods on a lost node
 */
record ChosenPod(String name, String image, String replicaSet, List<String> warnings) {
    ChosenPod {
        warnings = List.copyOf(warnings);
    }
}

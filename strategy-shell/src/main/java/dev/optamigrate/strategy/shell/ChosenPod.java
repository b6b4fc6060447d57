package dev.optamigrate.strategy.shell;

/**
 * The pod a shell run executes in.
 *
 * @param name       the pod's name
 * @param image      the image its container runs
 * @param replicaSet the ReplicaSet it belongs to (the Deployment's newest)
 */
record ChosenPod(String name, String image, String replicaSet) {
}

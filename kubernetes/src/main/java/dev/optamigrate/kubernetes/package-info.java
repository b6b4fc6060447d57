/**
 * Kubernetes support shared by the strategies that run a migration in the cluster: the client (kubeconfig or
 * in-cluster, with {@code --context}), Opta's naming conventions as overridable defaults, finding the service's
 * Deployment and what a Job must copy from it, and turning API failures into errors that say what to do.
 */
package dev.optamigrate.kubernetes;

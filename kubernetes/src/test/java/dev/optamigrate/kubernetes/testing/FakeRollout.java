package dev.optamigrate.kubernetes.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Plays the Deployment controller and the kubelet for a service in the fake cluster: a ReplicaSet per revision,
 * owned by the Deployment and labelled like its pods, and pods of that ReplicaSet, Ready or not.
 */
public final class FakeRollout {
    private final KubernetesClient client;
    private final Deployment deployment;

    public FakeRollout(FakeCluster cluster, String service) {
        this.client = cluster.client();
        this.deployment = client.apps().deployments().inNamespace(service).withName(service).get();
    }

    /** The ReplicaSet of a revision, running {@code image} in container {@code k8s-service}. */
    public ReplicaSet replicaSet(int revision, String image) {
        String name = deployment.getMetadata().getName() + "-rev" + revision;
        return client.apps().replicaSets().inNamespace(namespace()).resource(new ReplicaSetBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace())
                .addToLabels(deployment.getSpec().getSelector().getMatchLabels())
                .addToAnnotations("deployment.kubernetes.io/revision", String.valueOf(revision))
                .addNewOwnerReference().withKind("Deployment").withApiVersion("apps/v1")
                .withName(deployment.getMetadata().getName()).withUid("uid-" + deployment.getMetadata().getName())
                .withController(true).endOwnerReference().endMetadata()
                .withNewSpec().withReplicas(1).withSelector(deployment.getSpec().getSelector())
                .withNewTemplate().withNewMetadata().addToLabels(deployment.getSpec().getSelector().getMatchLabels())
                .endMetadata().withNewSpec().addNewContainer().withName("k8s-service").withImage(image).endContainer()
                .endSpec().endTemplate().endSpec().build()).create();
    }

    /** A running pod of the ReplicaSet, Ready or not. */
    public Pod pod(ReplicaSet replicaSet, int index, boolean ready) {
        String image = replicaSet.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        return client.pods().inNamespace(namespace()).resource(new PodBuilder()
                .withNewMetadata().withName(replicaSet.getMetadata().getName() + "-pod" + index)
                .withNamespace(namespace()).addToLabels(deployment.getSpec().getSelector().getMatchLabels())
                .addNewOwnerReference().withKind("ReplicaSet").withApiVersion("apps/v1")
                .withName(replicaSet.getMetadata().getName()).withUid("uid-" + replicaSet.getMetadata().getName())
                .withController(true).endOwnerReference().endMetadata()
                .withNewSpec().addNewContainer().withName("k8s-service").withImage(image).endContainer().endSpec()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready")
                .withStatus(ready ? "True" : "False").endCondition().endStatus().build()).create();
    }

    private String namespace() {
        return deployment.getMetadata().getNamespace();
    }
}

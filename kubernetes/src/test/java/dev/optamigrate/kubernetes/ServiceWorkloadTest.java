package dev.optamigrate.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.settings.SettingsLoader;
import dev.optamigrate.kubernetes.testing.FakeCluster;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceWorkloadTest {
    @TempDir
    Path directory;

    private FakeCluster cluster;

    @BeforeEach
    void start() {
        cluster = FakeCluster.start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void findsTheOnlyDeploymentOfTheServicesNamespaceByOptasConventions() {
        cluster.deployService("shop", "registry.example.com/shop:v42", deployment -> deployment);

        ServiceWorkload workload = ServiceWorkload.find(cluster.client(), coordinates(Map.of()));

        assertThat(workload.name()).isEqualTo("shop");
        assertThat(workload.container().getName()).isEqualTo("k8s-service");
        assertThat(workload.image()).isEqualTo("registry.example.com/shop:v42");
    }

    @Test
    void severalDeploymentsAreNamedAndTheFixIsDeploymentFlag() {
        cluster.deployService("shop", "shop:v1", deployment -> deployment);
        cluster.client().apps().deployments().inNamespace("shop").resource(new DeploymentBuilder(
                cluster.client().apps().deployments().inNamespace("shop").withName("shop").get())
                .editMetadata().withName("shop-worker").withResourceVersion(null).withUid(null).endMetadata()
                .build()).create();

        assertThatThrownBy(() -> ServiceWorkload.find(cluster.client(), coordinates(Map.of())))
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
                    assertThat(failure.getMessage()).contains("shop, shop-worker");
                    assertThat(failure.hint()).contains("--deployment");
                });
        assertThat(ServiceWorkload.find(cluster.client(), coordinates(Map.of(KubernetesSetting.DEPLOYMENT,
                "shop-worker")))
                .name()).isEqualTo("shop-worker");
    }

    @Test
    void anImageWithoutTagIsRefusedBecauseACopyCouldRunAnotherBuild() {
        cluster.deployService("shop", "registry.example.com/shop", deployment -> deployment);

        ServiceWorkload workload = ServiceWorkload.find(cluster.client(), coordinates(Map.of()));

        assertThatThrownBy(workload::image).isInstanceOfSatisfying(MigrateException.class,
                failure -> assertThat(failure.hint()).contains("--image"));
    }

    @Test
    void aMissingContainerListsTheOnesThereAre() {
        cluster.deployService("shop", "shop:v1", deployment -> deployment);

        assertThatThrownBy(() -> ServiceWorkload.find(cluster.client(), coordinates(Map.of(KubernetesSetting.CONTAINER,
                "app")))).hasMessageContaining("no container 'app' (it has k8s-service)");
    }

    @Test
    void aMissingKubeconfigFileIsAClearError() {
        Settings settings = SettingsLoader.load(Map.of(), Map.of("KUBECONFIG", directory.resolve("absent")
                .toString()), Optional.empty(), directory);

        assertThatThrownBy(() -> KubernetesConnection.open(settings)).isInstanceOfSatisfying(MigrateException.class,
                failure -> {
                    assertThat(failure.code()).isEqualTo(KubernetesErrorCode.KUBERNETES_UNAVAILABLE);
                    assertThat(failure.getMessage()).contains("does not exist");
                });
    }

    @Test
    void anUnreachableApiServerIsReportedWithTheCallThatFailed() {
        Path kubeconfig = cluster.writeKubeconfig(directory);
        cluster.close();
        Settings settings = SettingsLoader.load(Map.of(), Map.of("KUBECONFIG", kubeconfig.toString()),
                Optional.empty(), directory);

        try (var client = KubernetesConnection.open(settings)) {
            assertThatThrownBy(() -> ServiceWorkload.find(client, coordinates(Map.of())))
                    .isInstanceOfSatisfying(MigrateException.class, failure -> {
                        assertThat(failure.code()).isEqualTo(KubernetesErrorCode.KUBERNETES_UNAVAILABLE);
                        assertThat(failure.getMessage()).contains("Cannot reach the Kubernetes API to list Deployments in "
                                + "namespace shop");
                    });
        }
        cluster = FakeCluster.start();
    }

    private ServiceCoordinates coordinates(Map<Setting, String> flags) {
        Map<Setting, String> all = new java.util.HashMap<>();
        all.put(KubernetesSetting.SERVICE, "shop");
        all.putAll(flags);
        return ServiceCoordinates.from(SettingsLoader.load(all, Map.of(), Optional.empty(), directory), "test");
    }
}

package dev.optamigrate.strategy.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import dev.optamigrate.kubernetes.KubernetesErrorCode;
import dev.optamigrate.kubernetes.KubernetesSetting;
import dev.optamigrate.kubernetes.testing.FakeCluster;
import dev.optamigrate.kubernetes.testing.FakeProxyKubelet;
import dev.optamigrate.kubernetes.testing.RestrictedProfile;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials from the service's Secret and the tunnel, against fabric8's mock API server (CRUD mode) and a real
 * embedded PostgreSQL: the fake kubelet starts the proxy pod and relays port-forwards to where its socat points.
 */
class ExternalClusterTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.withPasswordAuthentication();

    @TempDir
    Path directory;

    private FakeCluster cluster;
    private FakeProxyKubelet kubelet;
    private TestDatabase database;
    private Path location;
    private final List<Pod> created = new CopyOnWriteArrayList<>();
    private Watch watch;

    @BeforeEach
    void start() {
        cluster = FakeCluster.start();
        kubelet = new FakeProxyKubelet(cluster);
        database = POSTGRES.newDatabase();
        location = MigrationSets.copy("flyway", directory.resolve("migrations"));
        createSecret(Map.of("DBHOST", "localhost", "DBPORT", String.valueOf(database.target().port()),
                "DBNAME", database.name(), "DBUSER", PostgresExtension.APP_USER,
                "DBPASS", PostgresExtension.APP_PASSWORD, "STRIPE_KEY", "unrelated"));
        watch = cluster.client().pods().inNamespace("shop").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                if (action == Action.ADDED) {
                    created.add(pod);
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        });
    }

    @AfterEach
    void stop() {
        watch.close();
        kubelet.close();
        cluster.close();
    }

    @Test
    void readsTheCredentialsFromTheServicesSecretAndNeverShowsThem() throws Exception {
        ExternalRun run = run();

        assertThat(run.execute().result().applied()).hasSize(4);

        assertThat(database.hasTable("orders")).isTrue();
        assertThat(run.events.toString()).doesNotContain(PostgresExtension.APP_PASSWORD);
        assertThat(created).isEmpty();
    }

    @Test
    void withAUrlOnlyThePasswordComesFromTheSecret() throws Exception {
        ExternalRun run = run().set(CoreSetting.URL, "jdbc:postgresql://127.0.0.1:" + database.target().port() + "/"
                + database.name()).set(CoreSetting.USER, PostgresExtension.APP_USER);

        assertThat(run.execute().result().applied()).hasSize(4);

        assertThat(run.progress()).anySatisfy(line -> assertThat(line).startsWith("Preflight: 127.0.0.1 port"));
    }

    @Test
    void aMissingSecretIsNamedWithTheFix() {
        cluster.client().secrets().inNamespace("shop").withName("secret").delete();

        assertThatThrownBy(run()::execute).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
            assertThat(failure.getMessage()).contains("no Secret secret in namespace shop");
            assertThat(failure.hint()).contains("--secret");
        });
    }

    @Test
    void aSecretWithoutDatabaseVariablesListsItsKeysButNoValues() {
        cluster.client().secrets().inNamespace("shop").withName("secret").delete();
        createSecret(Map.of("STRIPE_KEY", "sk_live_do_not_print"));

        assertThatThrownBy(run()::execute).isInstanceOfSatisfying(MigrateException.class, failure ->
                assertThat(failure.getMessage()).contains("[STRIPE_KEY]").doesNotContain("sk_live_do_not_print"));
    }

    @Test
    void theTunnelPodIsCreatedLabelledUsedAndDeleted() throws Exception {
        ExternalRun run = run().set(ExternalSetting.TUNNEL, "true");

        assertThat(run.execute().result().applied()).hasSize(4);

        assertThat(database.hasTable("orders")).isTrue();
        Pod pod = tunnelPod();
        assertThat(pod.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "opta-migrate")
                .containsEntry("app.kubernetes.io/component", "tunnel").containsEntry("opta-migrate.dev/service",
                        "shop");
        assertThat(pod.getSpec().getActiveDeadlineSeconds()).isEqualTo(3600);
        assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo("docker.io/alpine/socat:1.8.0.3");
        assertThat(pod.getSpec().getContainers().get(0).getArgs()).containsExactly("TCP-LISTEN:5432,fork,reuseaddr",
                "TCP:localhost:" + database.target().port());
        assertThat(kubelet.forwarded()).isNotEmpty().allMatch(pod.getMetadata().getName()::equals);
        assertThat(run.progress()).anySatisfy(line -> assertThat(line).startsWith("Tunnel open: 127.0.0.1:"));
        assertThat(cluster.client().pods().inNamespace("shop").list().getItems()).isEmpty();
    }

    @Test
    void theTunnelPodIsDeletedWhenTheMigrationFails() {
        MigrationSets.append("flyway", location, "broken", "ALTER TABLE no_such_table ADD COLUMN x int;");

        assertThatThrownBy(run().set(ExternalSetting.TUNNEL,
                "true")::execute).isInstanceOfSatisfying(MigrateException.class,
                failure -> assertThat(failure.code()).isEqualTo(CoreErrorCode.MIGRATION_FAILED));

        assertThat(tunnelPod()).isNotNull();
        assertThat(kubelet.started()).containsExactly(tunnelPod().getMetadata().getName());
        assertThat(cluster.client().pods().inNamespace("shop").list().getItems()).isEmpty();
    }

    /** Pod Security admission refuses a pod that breaks the namespace's profile with 403 (kubernetes.io). */
    @Test
    void theTunnelPodPassesTheRestrictedProfileAndKeepsSidecarsOut() throws Exception {
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop")
                .endMetadata().build()).create();
        cluster.enforceRestricted("shop");

        assertThat(run().set(ExternalSetting.TUNNEL, "true").execute().result().applied()).hasSize(4);

        assertThat(RestrictedProfile.violations(tunnelPod().getSpec())).isEmpty();
        assertThat(tunnelPod().getMetadata().getAnnotations()).containsEntry("linkerd.io/inject", "disabled");
    }

    /**
     * fabric8 port-forwards over WebSocket, whose upgrade the API server authorises as get on pods/portforward;
     * refused, the forward fails only when a connection is made, and must not pass for a database error.
     */
    @Test
    void aRefusedPortForwardNamesThePermissionNotTheDatabase() {
        cluster.grantStreaming("pods/portforward", "create");

        assertThatThrownBy(run().set(ExternalSetting.TUNNEL,
                "true")::execute).isInstanceOfSatisfying(MigrateException.class,
                failure -> {
                    assertThat(failure.code()).isEqualTo(KubernetesErrorCode.KUBERNETES_FORBIDDEN);
                    assertThat(failure.getMessage()).contains("refused the port-forward").contains("HTTP 403");
                    assertThat(failure.hint()).contains("get and create on pods/portforward")
                            .contains("--for external");
                });
        assertThat(cluster.client().pods().inNamespace("shop").list().getItems()).isEmpty();
    }

    private Pod tunnelPod() {
        assertThat(created).hasSize(1);
        return created.get(0);
    }

    private ExternalRun run() {
        return new ExternalRun(directory).set(KubernetesSetting.SERVICE,
                "shop").set(ExternalSetting.CREDENTIALS_FROM_CLUSTER, "true")
                .set(CoreSetting.LOCATION, location.toString())
                .env("KUBECONFIG", cluster.writeKubeconfig(directory).toString());
    }

    private void createSecret(Map<String, String> values) {
        SecretBuilder secret = new SecretBuilder().withNewMetadata().withName("secret").withNamespace("shop")
                .endMetadata();
        values.forEach((key, value) -> secret.addToData(key, Base64.getEncoder().encodeToString(value.getBytes(
                StandardCharsets.UTF_8))));
        cluster.client().secrets().inNamespace("shop").resource(secret.build()).create();
    }
}

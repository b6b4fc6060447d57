package dev.optamigrate.strategy.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import dev.optamigrate.kubernetes.KubernetesSetting;
import dev.optamigrate.kubernetes.testing.FakeCluster;
import dev.optamigrate.kubernetes.testing.FakeRollout;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract gate with the releases read from the service's pods: a Deployment in the middle of a rollout (two
 * ReplicaSets, played on fabric8's mock API server) and a real PostgreSQL reached with the Secret's credentials.
 */
class ServiceReleasesTest {
    private static final String OLD = "registry.example.com/shop:1.7";
    private static final String RETIRING = "registry.example.com/shop:1.8";
    private static final String NEXT = "registry.example.com/shop:1.9";

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.withPasswordAuthentication();

    @TempDir
    Path directory;

    private FakeCluster cluster;
    private TestDatabase database;
    private Path location;

    @BeforeEach
    void start() {
        cluster = FakeCluster.start();
        database = POSTGRES.newDatabase();
        cluster.deployService("shop", RETIRING, deployment -> deployment);
        Map<String, String> variables = Map.of("DBHOST", "localhost", "DBPORT",
                String.valueOf(database.target().port()), "DBNAME", database.name(), "DBUSER",
                PostgresExtension.APP_USER, "DBPASS", PostgresExtension.APP_PASSWORD);
        SecretBuilder secret = new SecretBuilder().withNewMetadata().withName("secret").withNamespace("shop")
                .endMetadata();
        variables.forEach((key, value) -> secret.addToData(key, Base64.getEncoder().encodeToString(
                value.getBytes(StandardCharsets.UTF_8))));
        cluster.client().secrets().inNamespace("shop").resource(secret.build()).create();
        location = MigrationSets.copy("flyway", directory.resolve("migrations"));
        MigrationSets.append("flyway", location, "legacy status", "ALTER TABLE orders ADD COLUMN legacy_status text;");
        migrateLocally(OLD);
        MigrationSets.append("flyway", location, "retire legacy status", "-- opta-migrate:retire "
                + "orders.legacy_status\nALTER TABLE orders ADD COLUMN fulfilment text;");
        migrateLocally(RETIRING);
        MigrationSets.append("flyway", location, "drop legacy status", "ALTER TABLE orders DROP COLUMN legacy_status;");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aContractWaitsUntilNoPodRunsTheReleaseBeforeTheRetirement() throws Exception {
        FakeRollout rollout = new FakeRollout(cluster, "shop");
        ReplicaSet old = rollout.replicaSet(1, OLD);
        rollout.pod(old, 1, true);
        rollout.pod(old, 2, true);
        rollout.pod(rollout.replicaSet(2, RETIRING), 1, true);

        ExternalRun refused = run();
        assertThatThrownBy(refused::execute).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(CoreErrorCode.CONTRACT_NOT_READY);
            assertThat(failure.getMessage()).contains("orders.legacy_status was retired by release " + RETIRING,
                    "2 pods still run " + OLD);
        });
        assertThat(refused.progress()).contains("Releases serving traffic, for the contract gate: 2 pods run " + OLD
                + ", 1 pod runs " + RETIRING + ".");
        assertThat(database.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'"))
                .contains("legacy_status");

        cluster.client().pods().inNamespace("shop").withLabel("app", "shop").list().getItems().stream()
                .filter(pod -> pod.getSpec().getContainers().get(0).getImage().equals(OLD))
                .forEach(pod -> cluster.client().pods().resource(pod).delete());

        assertThat(run().execute().result().applied()).hasSize(1);
        assertThat(database.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'"))
                .doesNotContain("legacy_status");
    }

    @Test
    void withoutADeploymentTheGateKnowsOnlyTheReleasesGiven() {
        cluster.client().apps().deployments().inNamespace("shop").withName("shop").delete();

        ExternalRun run = run().set(CoreSetting.RUNNING_RELEASE, RETIRING);

        assertThat(run.execute().result().applied()).hasSize(1);
        assertThat(run.events).filteredOn(MigrationEvent.Warning.class::isInstance)
                .map(event -> ((MigrationEvent.Warning) event).message())
                .anySatisfy(message -> assertThat(message).startsWith("Cannot tell which releases serve traffic")
                        .contains("--running-release"));
    }

    private void migrateLocally(String release) {
        Migrator.configure().target(POSTGRES.asAppUser(database, PostgresExtension.APP_PASSWORD))
                .location(location.toString()).release(release).load()
                .migrate();
    }

    private ExternalRun run() {
        return new ExternalRun(directory).set(KubernetesSetting.SERVICE, "shop")
                .set(ExternalSetting.CREDENTIALS_FROM_CLUSTER, "true").set(CoreSetting.LOCATION, location.toString())
                .set(CoreSetting.RELEASE, NEXT).env("KUBECONFIG", cluster.writeKubeconfig(directory).toString());
    }
}

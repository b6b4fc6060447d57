package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optamigrate.core.fleet.Shard;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import dev.optamigrate.kubernetes.testing.FakeCluster;
import dev.optamigrate.kubernetes.testing.FakeKubelet;
import dev.optamigrate.kubernetes.testing.JobScenario;
import dev.optamigrate.kubernetes.testing.PodProgram;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleet migrate --strategy job} on the mock API server: the fake kubelet plays the Indexed Job's pods, and
 * each pod runs {@code fleet migrate --shard} for real, in this JVM, against real PostgreSQL, with the environment
 * the kubelet resolves from the Job (the database from the service's Secret).
 */
class FleetJobCommandTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final String PASSWORD = "only-in-the-Secret-7b1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern APPLIED = Pattern.compile("applied (tenant_\\d+)");
    private static final int TENANTS = 12;
    private static final int SHARDS = 3;

    @TempDir
    Path dir;

    private FakeCluster cluster;
    private FakeKubelet kubelet;
    private Map<String, String> env;
    private final Map<Integer, String> shardOutput = new ConcurrentHashMap<>();

    @BeforeEach
    void startCluster() {
        cluster = FakeCluster.start();
        kubelet = new FakeKubelet(cluster);
        cluster.deployService("shop", "registry.example.com/shop:v42", deployment -> deployment.editSpec()
                .editTemplate().editSpec().editFirstContainer().addNewEnv().withName("DBPORT").withNewValueFrom()
                .withNewSecretKeyRef("DBPORT", "secret", false).endValueFrom().endEnv().endContainer().endSpec()
                .endTemplate().endSpec());
        env = Map.of("KUBECONFIG", cluster.writeKubeconfig(dir).toString());
    }

    @AfterEach
    void stopCluster() {
        kubelet.close();
        cluster.close();
    }

    @Test
    void eachPodMigratesItsShardAndTheCommandReportsShardsAndTargets(TestDatabase db) throws Exception {
        secretFor(db);
        Path location = migrations();
        Files.writeString(location.resolve("V2__step_2.sql"), "DO $$ BEGIN IF current_schema() = 'tenant_007' "
                + "THEN RAISE EXCEPTION 'tenant_007 is broken'; END IF; END $$;\n");
        writeTenants();
        kubelet.next(JobScenario.run(this::runPod));

        Cli.Result result = Cli.run(env, dir, "fleet", "migrate", "--strategy", "job", "--service", "shop",
                "--targets", "tenants.txt", "--shards", String.valueOf(SHARDS), "--parallelism", "2", "--location",
                location.toString(), "--url", db.url(), "--max-failures", "1", "--canary", "0");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        Job job = cluster.client().batch().v1().jobs().inNamespace("shop").list().getItems().get(0);
        assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(job.getSpec().getCompletions()).isEqualTo(SHARDS);
        assertThat(job.getSpec().getParallelism()).isEqualTo(2);
        assertThat(job.getSpec().getBackoffLimitPerIndex()).isZero();
        var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(String.join(" ", container.getCommand())).startsWith("opta-migrate fleet migrate --kind schema")
                .contains("--targets-from-env OPTA_MIGRATE_FLEET_TARGETS", "--max-failures 1",
                        "--shard $(JOB_COMPLETION_INDEX)/3");
        assertThat(container.getEnv()).extracting(EnvVar::getName).contains("JOB_COMPLETION_INDEX", "DBPASS",
                "OPTA_MIGRATE_FLEET_TARGETS");
        assertThat(Serialization.asYaml(job)).doesNotContain(PASSWORD);

        List<Pod> pods = cluster.client().pods().inNamespace("shop").list().getItems();
        assertThat(pods).hasSize(SHARDS);
        for (int index = 0; index < SHARDS; index++) {
            int shard = index;
            List<String> expected = tenants().stream().filter(name -> Shard.of(name, SHARDS) == shard).toList();
            List<String> applied = APPLIED.matcher(shardOutput.get(shard)).results().map(found -> found.group(1))
                    .toList();
            assertThat(applied).as("shard " + shard + " ran exactly its own tenants")
                    .containsExactlyInAnyOrderElementsOf(expected.stream().filter(name -> !name.equals("tenant_007"))
                            .toList());
        }
        int broken = Shard.of("tenant_007", SHARDS);
        assertThat(result.out()).contains("Job shop-migrate-", SHARDS - 1 + " of 3 shard(s) succeeded",
                "shard " + broken + " (pod shop-migrate-", "failed with exit code 1", "1 parked",
                "11 applied, 1 parked, 0 locked, 0 pending", "parked tenant_007: ", "tenant_007 is broken");
        assertThat(result.out()).contains("Created Indexed Job shop-migrate-", "3 shards, 2 at a time",
                "Shard 0 (pod shop-migrate-");
        assertThat(result.err()).contains("--resume fleet-", "--retry-parked");
        String histories = tenants().stream().map(name -> "SELECT '" + name + "' t, version FROM " + name
                + ".flyway_schema_history WHERE success").collect(Collectors.joining(" UNION ALL "));
        assertThat(db.column("SELECT count(*) || '/' || count(DISTINCT (t, version)) FROM (" + histories + ") h"))
                .as("every migration once per tenant, tenant_007 stopped at its failure").containsExactly("23/23");
    }

    @Test
    void eachPodRunsTheTargetQueryAndWithoutTheDatabaseHereTheShardsAreReported(TestDatabase db) throws Exception {
        secretFor(db);
        Path location = migrations();
        db.execute("CREATE TABLE tenants (schema_name text); INSERT INTO tenants SELECT format('tenant_%s', "
                + "lpad(n::text, 3, '0')) FROM generate_series(1, " + TENANTS + ") n");
        kubelet.next(JobScenario.run(this::runPod));

        Cli.Result result = Cli.run(env, dir, "fleet", "migrate", "--strategy", "job", "--service", "shop",
                "--targets-query", "select schema_name from tenants order by random()", "--shards",
                String.valueOf(SHARDS), "--location", location.toString(), "--output", "json");

        assertThat(result.exitCode()).as(result.all()).isZero();
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("fleet").asText()).startsWith("fleet-");
        assertThat(report.get("job").asText()).startsWith("shop-migrate-");
        assertThat(report.get("shards")).hasSize(SHARDS).allSatisfy(shard -> assertThat(shard.get("exitCode")
                .asInt()).isZero());
        assertThat(report.has("targets")).as("no journal was read here").isFalse();
        assertThat(db.column("SELECT count(DISTINCT scope) FROM opta_migrate.opta_migrate_journal WHERE fleet = '"
                + report.get("fleet").asText() + "' AND status = 'SUCCEEDED'")).as("the pods migrated every tenant "
                + "once, whatever order their queries gave").containsExactly(String.valueOf(TENANTS));
        assertThat(db.column("SELECT count(*) FROM opta_migrate.opta_migrate_journal WHERE fleet = '"
                + report.get("fleet").asText() + "'")).containsExactly(String.valueOf(TENANTS));
        assertThat(result.err()).contains("Shard 2 (pod shop-migrate-").doesNotContain(PASSWORD);
    }

    @Test
    void theShardOptionsAreCheckedBeforeAnythingRuns(TestDatabase db) throws Exception {
        Path location = migrations();
        writeTenants();
        List<String> base = List.of("fleet", "migrate", "--url", db.url(), "--location", location.toString(),
                "--targets", "tenants.txt");

        assertThat(error(base, "--strategy", "job", "--service", "shop", "--shard", "0/2"))
                .contains("Drop --shard");
        assertThat(error(base, "--strategy", "job", "--service", "shop", "--shards", "0")).contains(
                "at least one shard", "--shards 1 or more");
        assertThat(error(base, "--strategy", "job", "--service", "shop", "--parallelism", "0")).contains(
                "--parallelism 0");
        assertThat(error(base, "--strategy", "cron")).contains("no fleet strategy \"cron\"");
        assertThat(error(base, "--shard", "2/2")).contains("Shard 2 of 2 does not exist");
        assertThat(error(base, "--shard", "first")).contains("INDEX/COUNT");
        assertThat(error(base, "--detach")).contains("Add --strategy job");
        assertThat(cluster.client().batch().v1().jobs().inAnyNamespace().list().getItems()).isEmpty();
    }

    /** A pod of the Job: `opta-migrate ARGS` in this JVM, with the environment the kubelet resolved. */
    private PodProgram.Ran runPod(List<String> command, Map<String, String> environment) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(command.subList(1, command.size()).toArray(String[]::new), new CliEnvironment(
                environment, dir), new PrintWriter(out), new PrintWriter(err));
        shardOutput.put(Integer.parseInt(environment.get("JOB_COMPLETION_INDEX")), out + "\n" + err);
        return new PodProgram.Ran(exitCode, out + "\n" + err);
    }

    private String error(List<String> base, String... more) {
        List<String> args = new ArrayList<>(base);
        args.addAll(List.of(more));
        Cli.Result result = Cli.run(env, dir, args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).doesNotContain("\tat ");
        return result.err();
    }

    private void secretFor(TestDatabase db) {
        Map<String, String> values = Map.of("DBHOST", db.target().host(), "DBPORT", String.valueOf(db.target()
                .port()), "DBNAME", db.target().database(), "DBUSER", db.target().user(), "DBPASS", PASSWORD);
        cluster.client().secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata()
                .withName("secret").withNamespace("shop").endMetadata().withData(values.entrySet().stream().collect(
                        Collectors.toMap(Map.Entry::getKey, entry -> Base64.getEncoder().encodeToString(entry
                                .getValue().getBytes(StandardCharsets.UTF_8))))).build()).create();
    }

    private Path migrations() throws Exception {
        Path location = Files.createDirectories(dir.resolve("db"));
        Files.writeString(location.resolve("V1__step_1.sql"), "CREATE TABLE t1 (id bigint PRIMARY KEY);\n");
        Files.writeString(location.resolve("V2__step_2.sql"), "CREATE TABLE t2 (id bigint PRIMARY KEY);\n");
        return location;
    }

    private void writeTenants() throws Exception {
        Files.writeString(dir.resolve("tenants.txt"), "# every tenant\n" + String.join("\n", tenants()) + "\n");
    }

    private static List<String> tenants() {
        return IntStream.rangeClosed(1, TENANTS).mapToObj(n -> String.format(Locale.ROOT, "tenant_%03d", n))
                .toList();
    }
}

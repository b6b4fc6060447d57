package dev.optamigrate.strategy.job.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.settings.SettingsLoader;
import dev.optamigrate.kubernetes.KubernetesSetting;
import dev.optamigrate.kubernetes.ServiceCoordinates;
import dev.optamigrate.kubernetes.testing.RestrictedProfile;
import dev.optamigrate.strategy.job.JobSetting;
import dev.optamigrate.strategy.job.MigrationJobSpec;
import dev.optamigrate.strategy.job.MigratorImage;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated manifests against golden files (regenerate them with {@code -Dgolden.update=true} and review the
 * diff), and parsed back with fabric8's model.
 */
class ManifestsTest {
    private static final String IMAGE = "registry.example.com/shop:v42";
    private static final String MIGRATOR = "registry.example.com/opta-migrate:0.1.0";

    @TempDir
    Path directory;

    @Test
    void plainJob() throws IOException {
        Job job = KubernetesManifests.job(spec(IMAGE));

        String yaml = matchesGolden("job.yaml", ManifestYaml.write(job));

        Job parsed = Serialization.unmarshal(yaml, Job.class);
        assertThat(parsed.getMetadata().getGenerateName()).isEqualTo("shop-migrate-");
        assertThat(parsed.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo(IMAGE);
        assertThat(parsed.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    /**
     * With a migrator image the service's image only provides the migrations: an init container copies them into
     * an emptyDir, and opta-migrate runs from the migrator image on that copy with the same Secret references.
     */
    @Test
    void aMigratorImageRunsOnACopyOfTheServiceImagesMigrations() throws IOException {
        Job job = KubernetesManifests.job(spec(IMAGE, "shop", Map.of(JobSetting.MIGRATOR_IMAGE, MIGRATOR,
                JobSetting.MIGRATIONS_PATH, "/app/db/migration/")));

        PodSpec pod = Serialization.unmarshal(matchesGolden("job-migrator-image.yaml", ManifestYaml.write(job)),
                Job.class).getSpec().getTemplate().getSpec();

        Container copy = pod.getInitContainers().get(0);
        Container migrate = pod.getContainers().get(0);
        assertThat(copy.getImage()).isEqualTo(IMAGE);
        assertThat(copy.getCommand()).containsExactly("cp", "-R", "/app/db/migration/.", MigratorImage.MOUNT_PATH);
        assertThat(migrate.getImage()).isEqualTo(MIGRATOR);
        assertThat(migrate.getCommand()).containsExactly("opta-migrate", "migrate");
        assertThat(pod.getVolumes()).singleElement().satisfies(volume -> assertThat(volume.getEmptyDir()).isNotNull());
        assertThat(List.of(copy, migrate)).allSatisfy(container -> assertThat(container.getVolumeMounts())
                .singleElement().satisfies(mount -> assertThat(mount.getMountPath())
                        .isEqualTo(MigratorImage.MOUNT_PATH)));
        assertThat(migrate.getEnv()).anySatisfy(variable -> {
            assertThat(variable.getName()).isEqualTo("OPTA_MIGRATE_LOCATION");
            assertThat(variable.getValue()).isEqualTo(MigratorImage.MOUNT_PATH);
        });
        assertThat(migrate.getEnv()).filteredOn(variable -> variable.getName().startsWith("DB"))
                .hasSize(4).allSatisfy(variable -> {
                    assertThat(variable.getValue()).isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("secret");
                });
        assertThat(RestrictedProfile.violations(job.getSpec().getTemplate().getSpec())).isEmpty();
    }

    @Test
    void aMigratorImageNeedsItsPathAndAnAbsoluteOne() {
        assertThatThrownBy(() -> spec(IMAGE, "shop", Map.of(JobSetting.MIGRATOR_IMAGE, MIGRATOR)))
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
                    assertThat(failure.getMessage()).contains("--migrations-path");
                });
        assertThatThrownBy(() -> spec(IMAGE, "shop", Map.of(JobSetting.MIGRATOR_IMAGE, MIGRATOR,
                JobSetting.MIGRATIONS_PATH, "db/migration")))
                .isInstanceOfSatisfying(MigrateException.class, failure -> assertThat(failure.getMessage())
                        .contains("absolute").contains("'db/migration'"));
    }

    @Test
    void helmHook() throws IOException {
        Job job = KubernetesManifests.helmHook(spec(KubernetesManifests.HELM_IMAGE));

        Job parsed = Serialization.unmarshal(matchesGolden("helm-hook.yaml", ManifestYaml.write(job)), Job.class);

        assertThat(parsed.getMetadata().getAnnotations()).containsEntry("helm.sh/hook", "pre-install,pre-upgrade")
                .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
        assertThat(parsed.getMetadata().getName()).isEqualTo("shop-migrate-{{ .Release.Revision }}");
        assertThat(parsed.getMetadata().getNamespace()).isEqualTo("{{ .Release.Namespace }}");
    }

    /**
     * Manifests made without a cluster lookup copy no Deployment, so they carry the settings of Pod Security's
     * restricted profile themselves, and keep mesh sidecars out.
     */
    @Test
    void everyManifestMadeWithoutTheClusterPassesTheRestrictedProfileAndKeepsSidecarsOut() {
        for (Job job : List.of(KubernetesManifests.job(spec(IMAGE)), KubernetesManifests.helmHook(spec(
                KubernetesManifests.HELM_IMAGE)), KubernetesManifests.argoCdHook(spec(IMAGE)))) {
            assertThat(RestrictedProfile.violations(job.getSpec().getTemplate().getSpec())).isEmpty();
            assertThat(job.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("linkerd.io/inject", "disabled");
        }
    }

    /** Argo CD names a generateName hook {@code <generateName><revision:7>-presync-<unix seconds>} itself. */
    @Test
    void theArgoCdHookLeavesRoomForTheNameArgoCdGivesIt() {
        String service = "a-very-long-service-name-that-goes-on-and-on-for-ever-and-ever";
        Job job = KubernetesManifests.argoCdHook(spec(IMAGE, service));

        String argoCdName = job.getMetadata().getGenerateName() + "0123abc-presync-1764590400";

        assertThat(argoCdName).hasSizeLessThanOrEqualTo(63).startsWith("a-very-long-service-name").contains(
                "-migrate-0123abc");
    }

    @Test
    void argoCdHook() throws IOException {
        Job job = KubernetesManifests.argoCdHook(spec(IMAGE));

        Job parsed = Serialization.unmarshal(matchesGolden("argocd-hook.yaml", ManifestYaml.write(job)),
                Job.class);

        assertThat(parsed.getMetadata().getAnnotations()).containsEntry("argocd.argoproj.io/hook", "PreSync");
        assertThat(parsed.getMetadata().getGenerateName()).isEqualTo("shop-migrate-");
        assertThat(parsed.getMetadata().getName()).isNull();
    }

    /** kubectl prints keys and plain values unquoted; only what YAML would read as another type is quoted. */
    @Test
    void manifestsReadAsIfWrittenByHand() {
        String yaml = ManifestYaml.write(KubernetesManifests.helmHook(spec(KubernetesManifests.HELM_IMAGE)));

        assertThat(yaml).startsWith("apiVersion: batch/v1\nkind: Job\n").contains("\n  name: \"shop-migrate-{{ "
                + ".Release.Revision }}\"\n").contains("helm.sh/hook-weight: \"-5\"")
                .contains("sidecar.istio.io/inject: \"false\"").contains("restartPolicy: Never")
                .contains("activeDeadlineSeconds: 3600").doesNotContain("\"batch/v1\"");
        Job parsed = Serialization.unmarshal(yaml, Job.class);
        assertThat(parsed.getMetadata().getAnnotations()).containsEntry("helm.sh/hook-weight", "-5");
        assertThat(parsed.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("sidecar.istio.io/inject", "false");
    }

    @Test
    void role() throws IOException {
        Role parsed = Serialization.unmarshal(matchesGolden("rbac.yaml",
                ManifestYaml.write(StrategyRoles.JOB.role("shop", "secret"))), Role.class);

        assertThat(parsed.getRules()).flatExtracting("resources")
                .contains("jobs", "deployments", "pods/log", "leases", "events")
                .doesNotContain("secrets");
    }

    @Test
    void theShellRoleExecsButReadsNoSecret() {
        Role role = StrategyRoles.SHELL.role("shop", "secret");

        assertThat(role.getMetadata().getName()).isEqualTo("opta-migrate-shell");
        assertThat(role.getRules()).flatExtracting("resources").contains("pods/exec", "replicasets", "leases")
                .doesNotContain("secrets", "pods/portforward");
        assertThat(role.getRules()).filteredOn(rule -> rule.getResources().contains("pods/exec")).singleElement()
                .satisfies(rule -> assertThat(rule.getVerbs()).as("a WebSocket upgrade is authorised as get")
                        .containsExactlyInAnyOrder("get", "create"));
    }

    @Test
    void theExternalRoleReadsOnlyTheNamedSecretAndRunsTheTunnel() {
        Role role = StrategyRoles.EXTERNAL.role("shop", "db-credentials");

        assertThat(role.getRules()).filteredOn(rule -> rule.getResources().contains("secrets")).singleElement()
                .satisfies(rule -> {
                    assertThat(rule.getResourceNames()).containsExactly("db-credentials");
                    assertThat(rule.getVerbs()).containsExactly("get");
                });
        assertThat(role.getRules()).flatExtracting("resources").contains("pods", "pods/portforward")
                .doesNotContain("pods/exec", "jobs");
        assertThat(role.getRules()).filteredOn(rule -> rule.getResources().contains("pods/portforward"))
                .singleElement().satisfies(rule -> assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get",
                        "create"));
    }

    @Test
    void optaSameManifest() throws IOException {
        OptaManifest manifest = OptaManifests.build(new OptaManifests.Request(spec("ignored"), "app", "db",
                new OptaManifest.Environment("staging", "./staging.yaml"), Optional.empty()));

        String yaml = matchesGolden("opta-same-manifest.yaml", ManifestYaml.write(manifest));

        Map<String, Object> parsed = Serialization.unmarshal(yaml, Map.class);
        assertThat(yaml).contains("db_user: DBUSER").contains("db_password: DBPASS")
                .contains("image: \"${{module.app.current_image}}:${{module.app.current_tag}}\"")
                .contains("nameOverride: \"shop-migrate-{vars.migration_run}\"")
                .contains("secretKeyRef").doesNotContain("optional: true");
        assertThat(parsed).containsKeys("environments", "name", "input_variables", "modules");
    }

    @Test
    void optaWithAMigratorImagePutsTheCopyIntoTheChartsExtraSettings() throws IOException {
        MigrationJobSpec spec = spec("ignored", "shop", Map.of(JobSetting.MIGRATOR_IMAGE, MIGRATOR,
                JobSetting.MIGRATIONS_PATH, "/app/db/migration"));
        OptaManifest manifest = OptaManifests.build(new OptaManifests.Request(spec, "app", "db",
                new OptaManifest.Environment("staging", "./staging.yaml"), Optional.empty()));

        String yaml = matchesGolden("opta-migrator-image.yaml", ManifestYaml.write(manifest));

        OptaManifest.JobChartValues values = ((OptaManifest.HelmChart) manifest.modules().get(2)).values();
        OptaManifest.ChartContainer migrate = values.containers().get("migrate");
        assertThat(migrate.image()).isEqualTo(MIGRATOR);
        assertThat(migrate.extraSettings().volumeMounts()).extracting("mountPath")
                .containsExactly(MigratorImage.MOUNT_PATH);
        assertThat(values.extraSettings().initContainers()).singleElement().satisfies(copy -> assertThat(
                copy.getImage()).isEqualTo("${{module.app.current_image}}:${{module.app.current_tag}}"));
        assertThat(values.extraSettings().volumes()).extracting("name").containsExactly("migrations");
        assertThat(yaml).contains("secretKeyRef");
    }

    @Test
    void optaNewManifestReadsTheServicesState() throws IOException {
        OptaManifest manifest = OptaManifests.build(new OptaManifests.Request(spec("ignored"), "app", "db",
                new OptaManifest.Environment("staging", "./staging.yaml"),
                Optional.of(new OptaManifests.State("opta-tf-state-acme-staging", "shop", "us-east-1"))));

        String yaml = matchesGolden("opta-new-manifest.yaml", ManifestYaml.write(manifest));

        assertThat(yaml).contains("type: external-state").contains("name: shop-migration")
                .contains("image: \"${{module.external.outputs.current_image}}:${{module.external.outputs"
                        + ".current_tag}}\"");
    }

    @Test
    void aNewManifestWithoutStateLocationIsRefused() {
        assertThatThrownBy(() -> new OptaManifests.State(null, "shop", null))
                .isInstanceOfSatisfying(MigrateException.class,
                        failure -> assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION));
    }

    private MigrationJobSpec spec(String image) {
        return spec(image, "shop");
    }

    private MigrationJobSpec spec(String image, String service) {
        return spec(image, service, Map.of());
    }

    private MigrationJobSpec spec(String image, String service, Map<Setting, String> more) {
        Map<Setting, String> flags = new HashMap<>(more);
        flags.put(KubernetesSetting.SERVICE, service);
        flags.put(CoreSetting.LOCATION, "db/migration");
        Settings settings = SettingsLoader.load(flags, Map.of(), Optional.empty(), directory);
        return MigrationJobSpec.from(settings, ServiceCoordinates.from(settings, "test"), image, null, List.of(),
                Optional.empty());
    }

    private static String matchesGolden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Path file = Path.of("src/test/resources/golden", name);
            Files.writeString(file, actual);
            return actual;
        }
        try (InputStream golden = ManifestsTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(golden).as("golden file " + name).isNotNull();
            assertThat(actual).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
        return actual;
    }
}

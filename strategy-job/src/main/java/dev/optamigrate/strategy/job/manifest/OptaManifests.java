package dev.optamigrate.strategy.job.manifest;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.kubernetes.pod.PodShape;
import dev.optamigrate.strategy.job.JobNames;
import dev.optamigrate.strategy.job.MigrationJobFactory;
import dev.optamigrate.strategy.job.MigrationJobSpec;
import dev.optamigrate.strategy.job.MigratorImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Opta manifests of the Opta migration guide's one-time Job, without its hand work: the image with its tag
 * (Opta's {@code current_image} output has none), link renames with the keys Opta accepts, credentials only by
 * {@code secretKeyRef}, and a new Job name per run from an input variable.
 */
public final class OptaManifests {
    /** The input variable that names each run. */
    public static final String RUN_VARIABLE = "migration_run";
    static final String CHART_REPOSITORY = "https://ameijer.github.io/k8s-as-helm/";
    static final String CHART = "job";
    static final String CHART_VERSION = "1.0.0";
    private static final List<String> LINK_KEYS = List.of("db_host", "db_name", "db_user", "db_password");

    /**
     * What to generate.
     *
     * @param appModule   the service's k8s-service module
     * @param dbModule    its postgres module
     * @param environment the environment's name and path
     * @param state       for a new manifest: where the service manifest's state is; empty for the same manifest
     */
    public record Request(MigrationJobSpec spec, String appModule, String dbModule,
            OptaManifest.Environment environment, Optional<State> state) {
    }

    /** Where the service manifest's Terraform state is (the guide's external-state module, on S3). */
    public record State(String bucket, String key, String region) {
        Map<String, String> config() {
            Map<String, String> config = new LinkedHashMap<>();
            config.put("bucket", bucket);
            config.put("key", key);
            config.put("region", region);
            return config;
        }

        public State {
            if (bucket == null || region == null) {
                throw new MigrateException(CoreErrorCode.CONFIGURATION,
                        "A new manifest reads the service's state, so it "
                        + "needs --state-bucket and --state-region.", "Give the S3 bucket and region of the service's "
                        + "Opta state (opta-tf-state-<org>-<environment> by default).", null);
            }
        }
    }

    private OptaManifests() {
    }

    /** The comment that goes above the manifest: how to give each run its own name. */
    public static String header(String file) {
        return "# Every run needs a new Job name: set " + RUN_VARIABLE + " to a new value each time, e.g.\n"
                + "#   opta apply -c " + file + " --var " + RUN_VARIABLE + "=$(date +%Y%m%d%H%M%S)\n";
    }

    public static OptaManifest build(Request request) {
        MigrationJobSpec spec = request.spec();
        String service = spec.where().service();
        List<OptaManifest.InputVariable> variables = List.of(new OptaManifest.InputVariable(RUN_VARIABLE,
                "New for every run: it names the Job"));
        if (request.state().isPresent()) {
            State state = request.state().get();
            String outputs = "${{module.external.outputs.";
            return new OptaManifest(List.of(request.environment()), service + "-migration", variables, List.of(
                    new OptaManifest.ExternalState("external-state", "external", "s3", state.config()),
                    helmChart(spec, outputs + "current_image}}:" + outputs + "current_tag}}")));
        }
        String outputs = "${{module." + request.appModule() + ".";
        return new OptaManifest(List.of(request.environment()), service, variables, List.of(
                new OptaManifest.Postgres(request.dbModule(), "postgres"),
                new OptaManifest.K8sService(request.appModule(), "k8s-service", "AUTO", Map.of("http", 80),
                        List.of(Map.of(request.dbModule(), List.of(linkRenames(spec.variables()))))),
                helmChart(spec, outputs + "current_image}}:" + outputs + "current_tag}}")));
    }

    /** Opta's link keys, each renamed to the variable the service and the Job read. */
    private static Map<String, String> linkRenames(List<String> variables) {
        Map<String, String> renames = new LinkedHashMap<>();
        for (int i = 0; i < LINK_KEYS.size(); i++) {
            renames.put(LINK_KEYS.get(i), variables.get(i));
        }
        return renames;
    }

    /**
     * The chart's module. With a migrator image, the copy's init container, volume and mount go into the
     * chart's {@code extraSettings}, which it adds to the pod and the container as they are.
     */
    private static OptaManifest.HelmChart helmChart(MigrationJobSpec spec, String serviceImage) {
        Optional<MigratorImage> migrator = spec.migrator();
        OptaManifest.ChartContainer container = new OptaManifest.ChartContainer(
                migrator.map(MigratorImage::image).orElse(serviceImage), new OptaManifest.ExtraSettings(
                        MigrationJobFactory.environment(spec), spec.effectiveCommand(), PodShape.restrictedContainer(),
                        migrator.map(copy -> List.of(copy.mount())).orElse(null)));
        OptaManifest.PodSettings pod = new OptaManifest.PodSettings(PodShape.restrictedPod(),
                migrator.map(copy -> List.of(copy.copyContainer(serviceImage, PodShape.restrictedContainer())))
                        .orElse(null),
                migrator.map(copy -> List.of(copy.volume())).orElse(null));
        return new OptaManifest.HelmChart("helm-chart", "dbmigration", spec.where().namespace(), false,
                CHART_REPOSITORY, CHART, CHART_VERSION, new OptaManifest.JobChartValues(
                        JobNames.prefix(spec.where().service()) + "{vars." + RUN_VARIABLE + "}", "Never",
                        Map.of(MigrationJobFactory.CONTAINER, container), pod));
    }
}

package dev.optamigrate.strategy.job;

import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.kubernetes.RemoteRun;
import dev.optamigrate.kubernetes.ServiceCoordinates;
import dev.optamigrate.kubernetes.ServiceWorkload;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a migration Job is made from.
 *
 * @param where        the service, its namespace, container and Secret
 * @param image        the service's image, with tag or digest (or a Helm expression in a chart template): the Job
 *                     runs it, or copies the migrations from it when {@code migrator} is given
 * @param command      the command to run; empty runs {@code opta-migrate migrate}
 * @param variables    the database variables to reference from the Secret, by name (Opta's DBHOST, DBNAME,
 *                     DBUSER, DBPASS unless the env.* settings rename them)
 * @param settings     the OPTA_MIGRATE_* variables that carry this run's settings into the container (never a
 *                     password)
 * @param deadline     how long the Job may run
 * @param ttl          how long a finished Job is kept
 * @param backoffLimit how often a failed pod is retried
 * @param workload     the service's Deployment, when known, whose pod settings the Job copies
 * @param migrator     the image with opta-migrate that runs on a copy of the service image's migrations, when the
 *                     service's image has no opta-migrate
 */
public record MigrationJobSpec(ServiceCoordinates where, String image, List<String> command, List<String> variables,
        Map<String, String> settings, Duration deadline, Duration ttl, int backoffLimit,
        Optional<ServiceWorkload> workload, Optional<MigratorImage> migrator) {

    private static final List<Setting> DATABASE_VARIABLES = List.of(CoreSetting.ENV_HOST, CoreSetting.ENV_NAME,
            CoreSetting.ENV_USER, CoreSetting.ENV_PASSWORD);

    public MigrationJobSpec {
        command = List.copyOf(command);
        variables = List.copyOf(variables);
        settings = Map.copyOf(settings);
    }

    /**
     * A spec from the settings.
     *
     * @param image    the image to run
     * @param release  what the journal records as the release when none is configured (the image, for a Job)
     * @param workload the service's Deployment, when read from the cluster
     */
    public static MigrationJobSpec from(Settings settings, ServiceCoordinates where, String image, String release,
            List<String> command, Optional<ServiceWorkload> workload) {
        List<String> variables = DATABASE_VARIABLES.stream().map(settings::require).toList();
        Optional<MigratorImage> migrator = MigratorImage.from(settings);
        Map<String, String> carried = new LinkedHashMap<>(RemoteRun.settingVariables(settings, release));
        migrator.ifPresent(copied -> carried.put(CoreSetting.LOCATION.environmentVariable(), MigratorImage.MOUNT_PATH));
        return new MigrationJobSpec(where, image, command, variables, carried,
                settings.duration(JobSetting.JOB_DEADLINE), settings.duration(JobSetting.JOB_TTL),
                settings.count(JobSetting.JOB_BACKOFF_LIMIT), workload, migrator);
    }

    /**
     * This spec with the images found on the service's pods passed to the contract gate as running releases.
     *
     * @param images each image and how many pods run it
     */
    public MigrationJobSpec withRunning(Map<String, Integer> images) {
        return new MigrationJobSpec(where, image, command, variables, RemoteRun.withRunning(settings, images),
                deadline, ttl, backoffLimit, workload, migrator);
    }

    /** This spec with one more variable for the container, e.g. the fleet's target list for its shards. */
    public MigrationJobSpec withVariable(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(settings);
        more.put(name, value);
        return new MigrationJobSpec(where, image, command, variables, more, deadline, ttl, backoffLimit, workload,
                migrator);
    }

    /** The image of the Job's container: the migrator image when given, else the service's. */
    public String containerImage() {
        return migrator.map(MigratorImage::image).orElse(image);
    }

    /** The command the container runs. */
    public List<String> effectiveCommand() {
        return command.isEmpty() ? RemoteRun.DEFAULT_COMMAND : command;
    }
}

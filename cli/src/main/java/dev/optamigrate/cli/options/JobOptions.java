package dev.optamigrate.cli.options;

import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.kubernetes.KubernetesSetting;
import dev.optamigrate.strategy.job.JobSetting;
import java.util.Map;
import picocli.CommandLine.Option;

/** How a migration Job is made: image and limits. */
public final class JobOptions {
    @Option(names = "--image", paramLabel = "IMAGE", descriptionKey = "image")
    String image;

    @Option(names = "--migrator-image", paramLabel = "IMAGE", descriptionKey = "migrator-image")
    String migratorImage;

    @Option(names = "--migrations-path", paramLabel = "PATH", descriptionKey = "migrations-path")
    String migrationsPath;

    @Option(names = "--job-deadline", paramLabel = "DURATION", descriptionKey = "job-deadline")
    String deadline;

    @Option(names = "--job-ttl", paramLabel = "DURATION", descriptionKey = "job-ttl")
    String ttl;

    @Option(names = "--job-backoff-limit", paramLabel = "N", descriptionKey = "job-backoff-limit")
    String backoffLimit;

    @Option(names = "--job-start-timeout", paramLabel = "DURATION", descriptionKey = "job-start-timeout")
    String startTimeout;

    public void addTo(Map<Setting, String> flags) {
        flags.put(JobSetting.IMAGE, image);
        flags.put(JobSetting.MIGRATOR_IMAGE, migratorImage);
        flags.put(JobSetting.MIGRATIONS_PATH, migrationsPath);
        flags.put(JobSetting.JOB_DEADLINE, deadline);
        flags.put(JobSetting.JOB_TTL, ttl);
        flags.put(JobSetting.JOB_BACKOFF_LIMIT, backoffLimit);
        flags.put(KubernetesSetting.JOB_START_TIMEOUT, startTimeout);
    }
}

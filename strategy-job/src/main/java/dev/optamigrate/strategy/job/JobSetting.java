package dev.optamigrate.strategy.job;

import dev.optamigrate.core.settings.Setting;

/** The settings of the migration Job: its image, its limits, and the migrator-image mode. */
public enum JobSetting implements Setting {
    IMAGE("image", null, "Image of the migration Job; default: the Deployment's current image, with tag or digest"),
    MIGRATOR_IMAGE("migrator-image", null, "Job: an image with opta-migrate that runs the migration, so that the "
            + "service's image needs none; an init container from the service's image copies --migrations-path "
            + "into the Job's pod first"),
    MIGRATIONS_PATH("migrations-path", null, "With --migrator-image: the directory in the service's image that "
            + "holds the migrations, e.g. /app/db/migration"),
    JOB_DEADLINE("job-deadline", "1h", Kind.DURATION, "Longest a migration Job may run before Kubernetes stops it"),
    JOB_TTL("job-ttl", "24h", Kind.DURATION, "How long Kubernetes keeps a finished migration Job and its log"),
    JOB_BACKOFF_LIMIT("job-backoff-limit", "0", Kind.COUNT,
            "How often Kubernetes retries a failed Job pod; 0 runs it once");

    private final Definition definition;

    JobSetting(String key, String defaultValue, String description) {
        this(key, defaultValue, Kind.TEXT, description);
    }

    JobSetting(String key, String defaultValue, Kind kind, String description) {
        this.definition = new Definition(key, defaultValue, kind, description);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}

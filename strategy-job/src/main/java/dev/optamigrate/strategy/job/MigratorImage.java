package dev.optamigrate.strategy.job;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.kubernetes.ImageReference;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.Optional;

/**
 * The mode in which the service's image needs no opta-migrate: an init container from the service's image copies
 * the migrations into an {@code emptyDir}, and the Job's container runs opta-migrate from this image on that copy.
 * Only {@code cp} is needed in the service's image.
 *
 * @param image          the image with opta-migrate
 * @param migrationsPath the directory in the service's image that holds the migrations
 */
public record MigratorImage(String image, String migrationsPath) {
    /** The init container that copies the migrations. */
    public static final String COPY_CONTAINER = "copy-migrations";
    /** Where the copy is mounted in both containers; the Job's location setting points here. */
    public static final String MOUNT_PATH = "/opta-migrate/migrations";
    private static final String VOLUME = "migrations";

    /**
     * The mode, when --migrator-image is given.
     *
     * @throws MigrateException {@code CONFIGURATION} when only one of the two settings is given, the path is not
     *                          absolute, or the image is not an image reference
     */
    public static Optional<MigratorImage> from(Settings settings) {
        Optional<String> image = settings.get(JobSetting.MIGRATOR_IMAGE);
        Optional<String> path = settings.get(JobSetting.MIGRATIONS_PATH);
        if (image.isEmpty() && path.isEmpty()) {
            return Optional.empty();
        }
        if (image.isEmpty() || path.isEmpty()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION,
                    "--migrator-image and --migrations-path go together: "
                    + "the image runs opta-migrate on the migrations copied from that path of the service's image.",
                    "Give both, e.g. --migrator-image ghcr.io/acme/opta-migrate:0.1.0 --migrations-path "
                            + "/app/db/migration; or neither, to run opta-migrate from the service's own image.", null);
        }
        if (!path.get().startsWith("/")) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--migrations-path (from "
                    + settings.sourceOf(JobSetting.MIGRATIONS_PATH) + ") must be an absolute path in the "
                    + "service's image, not '" + path.get() + "'.", "Give the directory as the image has it, e.g. /app/db/migration.",
                    null);
        }
        return Optional.of(new MigratorImage(ImageReference.requireValid(image.get(), "The migrator image (from "
                + settings.sourceOf(JobSetting.MIGRATOR_IMAGE) + ")"), path.get()));
    }

    /** The init container: {@code cp} from the service's image, with the service container's security settings. */
    public Container copyContainer(String serviceImage, SecurityContext securityContext) {
        return new ContainerBuilder().withName(COPY_CONTAINER).withImage(serviceImage)
                .withCommand("cp", "-R", migrationsPath.replaceAll("/+$", "") + "/.", MOUNT_PATH)
                .withVolumeMounts(mount()).withSecurityContext(securityContext).build();
    }

    /** The shared {@code emptyDir}. */
    public Volume volume() {
        return new VolumeBuilder().withName(VOLUME).withNewEmptyDir().endEmptyDir().build();
    }

    public VolumeMount mount() {
        return new VolumeMountBuilder().withName(VOLUME).withMountPath(MOUNT_PATH).build();
    }
}

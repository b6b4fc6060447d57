package dev.optamigrate.strategy.shell;

import dev.optamigrate.kubernetes.ServiceWorkload;
import java.util.Objects;
import java.util.Optional;

/** Whether the service's Deployment changed while a command ran, in words for a warning. */
final class DeploymentChange {
    private DeploymentChange() {
    }

    static Optional<String> between(ServiceWorkload before, ServiceWorkload after) {
        String imageBefore = before.container().getImage();
        String imageAfter = after.container().getImage();
        Long generationBefore = before.deployment().getMetadata().getGeneration();
        Long generationAfter = after.deployment().getMetadata().getGeneration();
        if (Objects.equals(imageBefore, imageAfter) && Objects.equals(generationBefore, generationAfter)) {
            return Optional.empty();
        }
        return Optional.of("Deployment " + before.name() + " changed while the command ran ("
                + (Objects.equals(imageBefore, imageAfter) ? "generation " + generationBefore + " -> "
                        + generationAfter : "image " + imageBefore + " -> " + imageAfter)
                + "): the schema and the release now rolling out may be out of step. Check that this release "
                + "works with the migrated schema.");
    }
}

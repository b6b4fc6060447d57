package dev.optamigrate.strategy.external;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.spi.MigrationRequest;
import dev.optamigrate.kubernetes.KubernetesErrorCode;
import dev.optamigrate.kubernetes.RunningImages;
import dev.optamigrate.kubernetes.ServiceCoordinates;
import dev.optamigrate.kubernetes.ServiceWorkload;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * The releases serving traffic, for the contract gate, from the service's Deployment when this run reaches the
 * cluster. A service without a Deployment, or a role that may not read it, leaves the gate with the releases the
 * user gave, and says so.
 */
final class ServiceReleases {
    private ServiceReleases() {
    }

    static MigrationRequest added(MigrationRequest request, KubernetesClient client, ServiceCoordinates where) {
        try {
            Map<String, Integer> images = RunningImages.of(client, ServiceWorkload.find(client, where),
                    where.container());
            request.configuration().listener().on(new MigrationEvent.Progress("Releases serving traffic, for the "
                    + "contract gate: " + RunningImages.describe(images) + "."));
            return new MigrationRequest(request.configuration().withRunningReleases(images), request.strategy(),
                    request.settings(), request.command(), request.detach());
        } catch (MigrateException unreadable) {
            if (unreadable.code() != CoreErrorCode.CONFIGURATION
                    && unreadable.code() != KubernetesErrorCode.KUBERNETES_FORBIDDEN) {
                throw unreadable;
            }
            request.configuration().listener().on(new MigrationEvent.Warning("Cannot tell which releases serve "
                    + "traffic (" + unreadable.getMessage() + "); the contract gate knows only those given with "
                    + "--running-release."));
            return request;
        }
    }
}

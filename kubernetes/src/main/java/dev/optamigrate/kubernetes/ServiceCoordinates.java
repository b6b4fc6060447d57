package dev.optamigrate.kubernetes;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import java.util.Optional;

/**
 * Where a service lives in the cluster, with Opta's conventions as defaults: the namespace is the service's
 * name, the container is {@code k8s-service}, and the database variables are in Secret {@code secret}.
 *
 * @param service    the service's name (the Opta manifest's {@code name})
 * @param namespace  its namespace
 * @param deployment its Deployment, when named; otherwise the only one in the namespace
 * @param container  the container whose image and environment a migration copies
 * @param secret     the Secret with the database variables
 */
public record ServiceCoordinates(String service, String namespace, Optional<String> deployment, String container,
        String secret) {

    public static ServiceCoordinates from(Settings settings, String purpose) {
        String service = settings.get(Setting.SERVICE).orElseThrow(() -> new MigrateException(ErrorCode.CONFIGURATION,
                purpose + " needs the service's name.", "Give --service NAME (the Opta manifest's name) or set "
                + Setting.SERVICE.environmentVariable() + ".", null));
        return new ServiceCoordinates(service, settings.get(Setting.NAMESPACE).orElse(service),
                settings.get(Setting.DEPLOYMENT), settings.require(Setting.CONTAINER), settings.require(Setting.SECRET));
    }
}

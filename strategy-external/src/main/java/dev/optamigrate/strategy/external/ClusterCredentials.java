package dev.optamigrate.strategy.external;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.kubernetes.KubernetesCalls;
import dev.optamigrate.kubernetes.ServiceCoordinates;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The database variables of the service's Secret, read through the Kubernetes API: Opta's names ({@code DBHOST
 * DBPORT DBNAME DBUSER DBPASS}, or as the env.* settings rename them) and Opta's per-module names
 * ({@code <module>_db_host} ...). Other keys are left alone, and values are never printed: errors name keys only.
 */
final class ClusterCredentials {
    private static final Pattern MODULE_VARIABLE = Pattern.compile("(?i).+_db_(host|port|name|user|password)");

    private ClusterCredentials() {
    }

    static Map<String, String> read(KubernetesClient client, ServiceCoordinates where, Settings settings) {
        String secretName = where.secret();
        Secret secret = KubernetesCalls.call("read Secret " + secretName + " in namespace " + where.namespace(),
                () -> client.secrets().inNamespace(where.namespace()).withName(secretName).get());
        if (secret == null) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "There is no Secret " + secretName
                    + " in namespace "
                    + where.namespace() + " to read the database credentials from.", "Opta creates Secret `secret` "
                    + "when the service links a database; name another with --secret, or check --namespace.", null);
        }
        List<String> named = List.of(settings.require(CoreSetting.ENV_HOST), settings.require(CoreSetting.ENV_PORT),
                settings.require(CoreSetting.ENV_NAME), settings.require(CoreSetting.ENV_USER),
                settings.require(CoreSetting.ENV_PASSWORD));
        Map<String, String> variables = new HashMap<>();
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        data.forEach((key, value) -> {
            if (named.contains(key) || MODULE_VARIABLE.matcher(key).matches()) {
                variables.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
            }
        });
        if (variables.isEmpty()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Secret " + secretName + " in namespace "
                    + where.namespace() + " holds no database variables; its keys are " + new TreeSet<>(data
                            .keySet()) + ".", "Opta's link writes " + String.join(", ", named) + " (or "
                    + "<module>_db_host ...); point the env.* settings at the keys this Secret uses.", null);
        }
        return variables;
    }
}

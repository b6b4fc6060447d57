package dev.optamigrate.cli.command;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.kubernetes.KubernetesNames;

/** What the verbs that only talk to Kubernetes derive from their settings. */
final class ClusterSettings {
    private ClusterSettings() {
    }

    /** The namespace: --namespace, else the service's name (Opta's convention). */
    static String namespace(Settings settings) {
        Setting source = settings.get(Setting.NAMESPACE).isPresent() ? Setting.NAMESPACE : Setting.SERVICE;
        String namespace = settings.get(source).orElseThrow(() -> new MigrateException(ErrorCode.CONFIGURATION,
                "No namespace: give --namespace NAME, or --service NAME (Opta names the namespace after the "
                        + "service).", null, null));
        return KubernetesNames.label(namespace, "The namespace (from " + settings.sourceOf(source) + ")");
    }
}

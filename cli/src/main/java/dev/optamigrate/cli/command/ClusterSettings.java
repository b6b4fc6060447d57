package dev.optamigrate.cli.command;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.kubernetes.KubernetesNames;
import dev.optamigrate.kubernetes.KubernetesSetting;

/** What the verbs that only talk to Kubernetes derive from their settings. */
final class ClusterSettings {
    private ClusterSettings() {
    }

    /** The namespace: --namespace, else the service's name (Opta's convention). */
    static String namespace(Settings settings) {
        Setting source = settings.get(KubernetesSetting.NAMESPACE).isPresent() ? KubernetesSetting.NAMESPACE
                : KubernetesSetting.SERVICE;
        String namespace = settings.get(source).orElseThrow(() -> new MigrateException(CoreErrorCode.CONFIGURATION,
                "No namespace: give --namespace NAME, or --service NAME (Opta names the namespace after the "
                        + "service).", null, null));
        return KubernetesNames.label(namespace, "The namespace (from " + settings.sourceOf(source) + ")");
    }
}

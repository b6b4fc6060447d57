package dev.optamigrate.cli.options;

import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.kubernetes.KubernetesSetting;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the service lives in Kubernetes; Opta's conventions are the defaults. */
public final class KubernetesOptions {
    @Option(names = "--service", paramLabel = "NAME", descriptionKey = "service")
    String service;

    @Option(names = "--namespace", paramLabel = "NAME", descriptionKey = "namespace")
    String namespace;

    @Option(names = "--context", paramLabel = "NAME", descriptionKey = "context")
    String context;

    @Option(names = "--deployment", paramLabel = "NAME", descriptionKey = "deployment")
    String deployment;

    @Option(names = "--container", paramLabel = "NAME", descriptionKey = "container")
    String container;

    @Option(names = "--secret", paramLabel = "NAME", descriptionKey = "secret")
    String secret;

    public void addTo(Map<Setting, String> flags) {
        flags.put(KubernetesSetting.SERVICE, service);
        flags.put(KubernetesSetting.NAMESPACE, namespace);
        flags.put(KubernetesSetting.CONTEXT, context);
        flags.put(KubernetesSetting.DEPLOYMENT, deployment);
        flags.put(KubernetesSetting.CONTAINER, container);
        flags.put(KubernetesSetting.SECRET, secret);
    }
}

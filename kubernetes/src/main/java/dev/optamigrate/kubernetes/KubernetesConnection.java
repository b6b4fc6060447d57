package dev.optamigrate.kubernetes;

import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.Settings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a Kubernetes client the way kubectl does: the kubeconfig named by {@code KUBECONFIG} or
 * {@code ~/.kube/config}, its current context or {@code --context}, or the pod's own service account in a cluster.
 */
public final class KubernetesConnection {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int REQUEST_TIMEOUT_MILLIS = 30_000;
    private static final int RETRIES = 2;

    private KubernetesConnection() {
    }

    /** A client for the configured cluster; the caller closes it. */
    public static KubernetesClient open(Settings settings) {
        String context = settings.get(KubernetesSetting.CONTEXT).orElse(null);
        Config config = kubeconfig(settings)
                .map(file -> fromFile(file, context, settings.environment()))
                .orElseGet(() -> autoConfigure(settings, context));
        if (context != null && (config.getCurrentContext() == null
                || !context.equals(config.getCurrentContext().getName()))) {
            throw new MigrateException(KubernetesErrorCode.KUBERNETES_UNAVAILABLE, "The kubeconfig has no context '"
                    + context
                    + "' (from " + settings.sourceOf(KubernetesSetting.CONTEXT) + ").",
                    "List the contexts with `kubectl config get-contexts` and pass one of them to --context.", null);
        }
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setRequestTimeout(REQUEST_TIMEOUT_MILLIS);
        config.setRequestRetryBackoffLimit(RETRIES);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** Where the client connects, for messages: the API server's address and the context's name. */
    public static String describe(KubernetesClient client) {
        Config config = client.getConfiguration();
        String context = config.getCurrentContext() == null ? "in-cluster" : config.getCurrentContext().getName();
        return "context " + context + " (" + config.getMasterUrl() + ")";
    }

    /** The first file of {@code KUBECONFIG} from the settings' environment, as kubectl reads it. */
    private static Optional<File> kubeconfig(Settings settings) {
        String variable = settings.environment().get("KUBECONFIG");
        if (variable == null || variable.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new File(variable.split(File.pathSeparator)[0]));
    }

    /** kubectl's defaults: ~/.kube/config, else the pod's service account; neither is an error, not a guess. */
    private static Config autoConfigure(Settings settings, String context) {
        boolean inCluster = settings.environment().containsKey("KUBERNETES_SERVICE_HOST");
        Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
        if (!inCluster && !Files.isRegularFile(home)) {
            throw new MigrateException(KubernetesErrorCode.KUBERNETES_UNAVAILABLE,
                    "No kubeconfig was found (KUBECONFIG is "
                    + "not set and " + home + " does not exist), and this is not a pod in a cluster.",
                    "Log in to the cluster so that kubectl works (e.g. `aws eks update-kubeconfig`), or set "
                    + "KUBECONFIG.", null);
        }
        return Config.autoConfigure(context);
    }

    private static Config fromFile(File file, String context, Map<String, String> environment) {
        Path path = file.toPath();
        KubeconfigFile kubeconfig = KubeconfigFile.read(path);
        kubeconfig.checkUsable(context, environment);
        try {
            return Config.fromKubeconfig(context, kubeconfig.text(), path.toString());
        } catch (RuntimeException unreadable) {
            throw new MigrateException(KubernetesErrorCode.KUBERNETES_UNAVAILABLE, "Cannot read the kubeconfig "
                    + path + ": "
                    + unreadable.getMessage(), "Check that the file is a valid kubeconfig.", unreadable);
        }
    }
}

package dev.optamigrate.kubernetes;

import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.SmallTextFile;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A kubeconfig file, checked the way a person would check it before blaming the network: it is a readable file
 * of sensible size, it has a context to use, and the credential plugin that context's user runs is installed.
 */
final class KubeconfigFile {
    /** Far larger than any kubeconfig; a larger file is the wrong file. */
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private final Path path;
    private final String text;

    private KubeconfigFile(Path path, String text) {
        this.path = path;
        this.text = text;
    }

    static KubeconfigFile read(Path path) {
        return new KubeconfigFile(path, SmallTextFile.read(path, MAX_BYTES, problem -> unusable(path,
                problem.phrase(MAX_BYTES))));
    }

    String text() {
        return text;
    }

    /**
     * Checks that the context to use exists and that its user's credential plugin, if any, can be found.
     *
     * @param context the context asked for, or {@code null} for the kubeconfig's current one
     * @param environment the process environment, for {@code PATH}
     */
    void checkUsable(String context, Map<String, String> environment) {
        Config model;
        try {
            model = KubeConfigUtils.parseConfigFromString(text);
        } catch (RuntimeException e) {
            throw new MigrateException(KubernetesErrorCode.KUBERNETES_UNAVAILABLE, "The kubeconfig " + path
                    + " is not a valid "
                    + "kubeconfig.", "Check it with `kubectl config view`.", null);
        }
        if (model == null) {
            throw new MigrateException(KubernetesErrorCode.KUBERNETES_UNAVAILABLE, "The kubeconfig " + path
                    + " is empty.",
                    "Log in to the cluster so that kubectl writes it (e.g. `aws eks update-kubeconfig`), or point "
                            + "KUBECONFIG at another file.", null);
        }
        String name = context != null ? context : model.getCurrentContext();
        if (name == null || name.isBlank()) {
            throw new MigrateException(KubernetesErrorCode.KUBERNETES_UNAVAILABLE, "The kubeconfig " + path
                    + " has no current "
                    + "context.", "Choose one with `kubectl config use-context NAME`, or give --context NAME.", null);
        }
        listed(model.getContexts()).stream().filter(named -> name.equals(named.getName())).findFirst()
                .map(NamedContext::getContext).map(found -> found.getUser())
                .flatMap(user -> listed(model.getUsers()).stream().filter(named -> user.equals(named.getName()))
                        .findFirst())
                .map(NamedAuthInfo::getUser).map(auth -> auth.getExec()).map(ExecConfig::getCommand)
                .filter(Objects::nonNull).ifPresent(command -> checkPlugin(command, environment));
    }

    /** A list the kubeconfig may leave out. */
    private static <T> List<T> listed(List<T> list) {
        return list == null ? List.of() : list;
    }

    private void checkPlugin(String command, Map<String, String> environment) {
        if (command.contains(File.separator)) {
            Path relative = path.toAbsolutePath().getParent().resolve(command);
            if (Files.isExecutable(Path.of(command)) || Files.isExecutable(relative)) {
                return;
            }
        } else {
            String searchPath = environment.getOrDefault("PATH", "");
            for (String directory : searchPath.split(File.pathSeparator)) {
                if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
                    return;
                }
            }
        }
        throw new MigrateException(KubernetesErrorCode.KUBERNETES_UNAVAILABLE, "The kubeconfig " + path + " gets its "
                + "credentials from the plugin '" + command + "', which is not installed or not on PATH.",
                "Install it as your cluster's docs say (e.g. the aws CLI for EKS, gke-gcloud-auth-plugin for GKE), "
                        + "or fix users[].user.exec.command in the kubeconfig.", null);
    }

    private static MigrateException unusable(Path path, String problem) {
        return new MigrateException(KubernetesErrorCode.KUBERNETES_UNAVAILABLE, "KUBECONFIG names " + path + ", which "
                + problem + ".", "Point KUBECONFIG at your kubeconfig file, or unset it.", null);
    }
}

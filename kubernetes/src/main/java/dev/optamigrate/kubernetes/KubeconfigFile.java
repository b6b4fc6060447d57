package dev.optamigrate.kubernetes;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        if (!Files.exists(path)) {
            throw unusable(path, "does not exist");
        }
        if (Files.isDirectory(path)) {
            throw unusable(path, "is a directory");
        }
        if (!Files.isRegularFile(path)) {
            throw unusable(path, "is not a regular file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw unusable(path, "is larger than 4 MB");
            }
            return new KubeconfigFile(path, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unusable(path, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
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
            throw new MigrateException(ErrorCode.KUBERNETES_UNAVAILABLE, "The kubeconfig " + path + " is not a valid "
                    + "kubeconfig.", "Check it with `kubectl config view`.", null);
        }
        String name = context != null ? context : model == null ? null : model.getCurrentContext();
        if (name == null || name.isBlank()) {
            throw new MigrateException(ErrorCode.KUBERNETES_UNAVAILABLE, "The kubeconfig " + path + " has no current "
                    + "context.", "Choose one with `kubectl config use-context NAME`, or give --context NAME.", null);
        }
        model.getContexts().stream().filter(named -> name.equals(named.getName())).findFirst()
                .map(NamedContext::getContext).map(found -> found.getUser())
                .flatMap(user -> model.getUsers().stream().filter(named -> user.equals(named.getName())).findFirst())
                .map(NamedAuthInfo::getUser).map(auth -> auth.getExec()).map(ExecConfig::getCommand)
                .filter(Objects::nonNull).ifPresent(command -> checkPlugin(command, environment));
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
        throw new MigrateException(ErrorCode.KUBERNETES_UNAVAILABLE, "The kubeconfig " + path + " gets its "
                + "credentials from the plugin '" + command + "', which is not installed or not on PATH.",
                "Install it as your cluster's docs say (e.g. the aws CLI for EKS, gke-gcloud-auth-plugin for GKE), "
                        + "or fix users[].user.exec.command in the kubeconfig.", null);
    }

    private static MigrateException unusable(Path path, String problem) {
        return new MigrateException(ErrorCode.KUBERNETES_UNAVAILABLE, "KUBECONFIG names " + path + ", which "
                + problem + ".", "Point KUBECONFIG at your kubeconfig file, or unset it.", null);
    }
}

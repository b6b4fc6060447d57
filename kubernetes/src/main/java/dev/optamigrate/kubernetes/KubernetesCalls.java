package dev.optamigrate.kubernetes;

import dev.optamigrate.core.error.Causes;
import dev.optamigrate.core.error.MigrateException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.function.Supplier;

/** Runs one Kubernetes API call and turns its failure into an error that names the call and the fix. */
public final class KubernetesCalls {
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;

    private KubernetesCalls() {
    }

    /**
     * Runs the call.
     *
     * @param doing what the call does, in words that complete "Cannot ...", for example "list Deployments in
     *              namespace shop"
     */
    public static <T> T call(String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException failure) {
            throw translate(doing, failure);
        }
    }

    /** Like {@link #call}, for calls without a result. */
    public static void run(String doing, Runnable call) {
        call(doing, () -> {
            call.run();
            return null;
        });
    }

    /** The error for a failed call, as {@link #call} throws it; for failures that arrive asynchronously. */
    public static MigrateException translate(String doing, KubernetesClientException failure) {
        int code = code(failure);
        String reason = failure.getStatus() != null && failure.getStatus().getMessage() != null
                ? failure.getStatus().getMessage() : failure.getCode() <= 0 && code > 0
                        ? "the API server answered HTTP " + code + " to the WebSocket upgrade" : rootMessage(failure);
        if (code == FORBIDDEN) {
            return new MigrateException(KubernetesErrorCode.KUBERNETES_FORBIDDEN, "Kubernetes refused to " + doing
                    + ": "
                    + reason, null, failure);
        }
        if (code == UNAUTHORIZED) {
            return new MigrateException(KubernetesErrorCode.KUBERNETES_UNAVAILABLE,
                    "Kubernetes did not accept the credentials "
                    + "while trying to " + doing + ".", "Log in to the cluster again (your token may have expired), "
                    + "then retry.", failure);
        }
        if (code <= 0) {
            return new MigrateException(KubernetesErrorCode.KUBERNETES_UNAVAILABLE,
                    "Cannot reach the Kubernetes API to "
                    + doing + ": " + unreachable(failure, reason) + ".", null, failure);
        }
        return new MigrateException(KubernetesErrorCode.KUBERNETES_UNAVAILABLE, "Cannot " + doing + " (HTTP " + code
                + "): "
                + reason, null, failure);
    }

    /**
     * The HTTP status of the failure; for exec and port-forward, whose WebSocket upgrade fails without a Status,
     * the code of the upgrade's answer.
     */
    private static int code(KubernetesClientException failure) {
        return failure.getCode() > 0 ? failure.getCode() : upgradeCode(failure);
    }

    /** The HTTP status the API server answered a WebSocket upgrade with, found in the causes; 0 when none. */
    public static int upgradeCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebSocketHandshakeException upgrade) {
                return upgrade.getResponse().code();
            }
        }
        return 0;
    }

    /** Why the API server was not reached, in words rather than a Java class name. */
    private static String unreachable(Throwable failure, String reason) {
        if (reason.contains("UnresolvedAddress")) {
            return "the API server's host name does not resolve";
        }
        Throwable root = Causes.root(failure);
        if (root instanceof ConnectException || root instanceof ClosedChannelException) {
            return "nothing accepts connections at the API server's address (connection refused or closed)";
        }
        if (root instanceof SocketTimeoutException || root instanceof HttpTimeoutException) {
            return "the API server did not answer in time";
        }
        return reason;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = Causes.root(failure);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

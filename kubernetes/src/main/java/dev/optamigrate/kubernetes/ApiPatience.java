package dev.optamigrate.kubernetes;

import dev.optamigrate.core.error.MigrateException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Rides out the API server's passing troubles during long waits: a call that fails with 429 (throttled), a 5xx,
 * a timeout or a dropped connection is tried again with growing pauses, for up to a bounded time per call, so
 * that one blip does not end an hour-long wait while the Job runs on. Other failures (403, 404, ...) count at
 * once, as {@link KubernetesCalls} reports them.
 */
public final class ApiPatience {
    /** How long each call of a wait may keep failing before the wait gives up, unless told otherwise. */
    public static final Duration DEFAULT = Duration.ofMinutes(2);

    private static final Set<Integer> TRANSIENT = Set.of(429, 500, 502, 503, 504);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(8);

    private final Duration budget;
    private final Consumer<String> notices;

    /**
     * @param budget  how long one call may keep failing
     * @param notices told about each retry, in words, so a wait shows why it is slow
     */
    public ApiPatience(Duration budget, Consumer<String> notices) {
        this.budget = budget;
        this.notices = notices;
    }

    /** Runs the call, retrying passing failures; see {@link KubernetesCalls#call} for the words in errors. */
    public <T> T call(String doing, Supplier<T> call) {
        long deadline = System.nanoTime() + budget.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return call.get();
            } catch (KubernetesClientException | MigrateException thrown) {
                KubernetesClientException failure = apiFailure(thrown);
                if (failure == null) {
                    throw thrown;
                }
                if (!passing(failure) || System.nanoTime() + pause.toNanos() > deadline) {
                    MigrateException error = KubernetesCalls.translate(doing, failure);
                    if (!passing(failure)) {
                        throw error;
                    }
                    throw new MigrateException(error.code(), error.getMessage() + " The API kept failing for "
                            + budget.toSeconds() + " s.", error.hint(), failure);
                }
                notices.accept("The Kubernetes API failed to " + doing + " (" + describe(failure) + "); trying again "
                        + "in " + pause.toMillis() + " ms.");
                Pause.of(pause, "waiting for the Kubernetes API");
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** The API failure itself, or the one a {@link KubernetesCalls} error was made from; null for others. */
    private static KubernetesClientException apiFailure(RuntimeException thrown) {
        if (thrown instanceof KubernetesClientException api) {
            return api;
        }
        return thrown.getCause() instanceof KubernetesClientException api ? api : null;
    }

    /** True for failures that pass on their own: throttling, server errors, timeouts, dropped connections. */
    static boolean passing(KubernetesClientException failure) {
        return failure.getCode() <= 0 || TRANSIENT.contains(failure.getCode());
    }

    private static String describe(KubernetesClientException failure) {
        return failure.getCode() > 0 ? "HTTP " + failure.getCode() : "no answer";
    }
}

package dev.optamigrate.strategy.job;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.kubernetes.pod.PodStatuses;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.kubernetes.client.utils.URLUtils;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Follows the log of a Job's container and sends each line as a {@link MigrationEvent.RemoteOutput} event.
 *
 * <p>It reads the log itself rather than through fabric8's {@code LogWatch}, which writes the body of an error
 * answer into the output as if it were log lines. Here an answer other than 200 (the container is not started
 * yet, the kubelet cannot be reached) is a failed request: it is shown as progress, never as output, and tried
 * again. A stream that ends while the container still runs is resumed after its last line, found by the
 * kubelet's timestamps, so that no line is shown twice. Once the container has ended, a log not yet read to its
 * end is asked for a few more times.
 */
final class PodLog implements AutoCloseable {
    private static final int OK = 200;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final int MESSAGE_LIMIT = 300;
    /** How often a log is asked for once its container has ended, if no request has read it to the end. */
    private static final int ATTEMPTS_AFTER_END = 3;

    private final KubernetesClient client;
    private final String namespace;
    private final String pod;
    private final EventListener events;
    private final BooleanSupplier containerRunning;
    private final Duration retryPause;
    private final TimestampedLines lines;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile AsyncBody body;

    private PodLog(KubernetesClient client, String namespace, String pod, EventListener events,
            BooleanSupplier containerRunning, Duration retryPause) {
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
        this.events = events;
        this.containerRunning = containerRunning;
        this.retryPause = retryPause;
        this.lines = new TimestampedLines(pod, events);
    }

    /**
     * Starts following the pod's log; call it once the container has started.
     *
     * @param containerRunning whether the container still runs, asked when a stream ends or a request fails
     * @param retryPause       the pause before a request is made again
     */
    static PodLog follow(KubernetesClient client, String namespace, String pod, EventListener events,
            BooleanSupplier containerRunning, Duration retryPause) {
        PodLog log = new PodLog(client, namespace, pod, events, containerRunning, retryPause);
        Thread follower = new Thread(log::followUntilEnd, "pod-log-" + pod);
        follower.setDaemon(true);
        follower.start();
        return log;
    }

    /** Whether the Job's container in the pod still runs: the pod exists and neither it nor the container ended. */
    static BooleanSupplier containerRuns(MigrationJobs jobs, String pod) {
        return () -> jobs.pod(pod).filter(current -> PodStatuses.terminated(current, MigrationJobFactory.CONTAINER)
                .isEmpty()).filter(current -> !List.of("Succeeded", "Failed").contains(PodStatuses.phase(current)))
                .isPresent();
    }

    /** Waits until the log has been read to its end (the container has ended), at most {@code limit}. */
    void awaitEnd(Duration limit) {
        try {
            ended.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException incomplete) {
            // the outcome does not depend on the log; what was read has been shown
        }
    }

    @Override
    public void close() {
        closed = true;
        AsyncBody reading = body;
        if (reading != null) {
            reading.cancel();
        }
    }

    private void followUntilEnd() {
        try {
            int failedAfterEnd = 0;
            while (!closed) {
                String failure = readOnce();
                boolean runs = !closed && running();
                if (closed || failure == null && !runs) {
                    return;
                }
                if (failure != null) {
                    events.on(new MigrationEvent.Progress("Reading the log of pod " + pod + " failed (" + failure
                            + "); trying again. Nothing of that answer is the migration's output."));
                    if (!runs && ++failedAfterEnd == ATTEMPTS_AFTER_END) {
                        return;
                    }
                }
                Thread.sleep(retryPause.toMillis());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            lines.end();
            ended.complete(null);
        }
    }

    private boolean running() {
        try {
            return containerRunning.getAsBoolean();
        } catch (RuntimeException unknown) {
            return true;
        }
    }

    /** One request: null when its stream was read to the end, else why it failed, in words. */
    private String readOnce() throws InterruptedException {
        HttpClient http = client.getHttpClient();
        ByteArrayOutputStream errorBody = new ByteArrayOutputStream();
        AtomicBoolean ok = new AtomicBoolean();
        try {
            HttpResponse<AsyncBody> response = http.consumeBytes(http.newHttpRequestBuilder().uri(uri()).build(),
                    (buffers, reading) -> {
                        for (ByteBuffer buffer : buffers) {
                            if (ok.get()) {
                                lines.write(buffer);
                            } else {
                                byte[] bytes = new byte[buffer.remaining()];
                                buffer.get(bytes);
                                errorBody.write(bytes, 0, bytes.length);
                            }
                        }
                        reading.consume();
                    }).get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            ok.set(response.code() == OK);
            body = response.body();
            body.consume();
            body.done().get();
            return ok.get() ? null : "HTTP " + response.code() + ": " + message(errorBody);
        } catch (ExecutionException | TimeoutException failed) {
            return closed ? null : "no answer: " + failed.getClass().getSimpleName();
        }
    }

    private URI uri() {
        String since = lines.last().map(stamp -> "&sinceTime=" + URLEncoder.encode(stamp.truncatedTo(
                ChronoUnit.SECONDS).toString(), StandardCharsets.UTF_8)).orElse("");
        return URI.create(URLUtils.join(client.getMasterUrl().toString(), "api", "v1", "namespaces", namespace, "pods",
                pod, "log") + "?container=" + MigrationJobFactory.CONTAINER + "&follow=true&timestamps=true" + since);
    }

    private static String message(ByteArrayOutputStream errorBody) {
        String text = errorBody.toString(StandardCharsets.UTF_8).strip();
        try {
            Status status = Serialization.unmarshal(text, Status.class);
            if (status != null && status.getMessage() != null) {
                return status.getMessage();
            }
        } catch (RuntimeException notAStatus) {
            // shown as it came, shortened
        }
        return text.length() > MESSAGE_LIMIT ? text.substring(0, MESSAGE_LIMIT) + " ..." : text;
    }
}

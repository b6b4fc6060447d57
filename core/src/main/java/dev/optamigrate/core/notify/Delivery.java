package dev.optamigrate.core.notify;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sends notifications in the background, one thread per sink so that a sink that hangs holds up no other: short
 * timeouts, a few retries with a pause, and a warning when a sink still fails. Nothing here blocks or fails the
 * run; {@link #flush} gives what is queued a bounded time to go out before the process ends.
 */
final class Delivery {
    /** Attempts per notification and sink. */
    static final int ATTEMPTS = 3;
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration ANSWER = Duration.ofSeconds(5);
    private static final Duration PAUSE = Duration.ofMillis(500);

    private final Map<NotifySink, ExecutorService> senders = new LinkedHashMap<>();
    private final EventListener warnings;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT).build();

    /** @param warnings where a delivery that failed is told (never with the sink's URL) */
    Delivery(List<NotifySink> sinks, EventListener warnings) {
        for (NotifySink sink : sinks) {
            senders.put(sink, Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "opta-migrate-notify-" + sink.kind());
                thread.setDaemon(true);
                return thread;
            }));
        }
        this.warnings = warnings;
    }

    void send(Notification notification) {
        senders.forEach((sink, sender) -> sender.execute(() -> deliver(sink, notification)));
    }

    /** Waits at most {@code limit} in all for what is queued, then gives up on what is left. */
    void flush(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        senders.values().forEach(ExecutorService::shutdown);
        for (Map.Entry<NotifySink, ExecutorService> sender : senders.entrySet()) {
            try {
                if (!sender.getValue().awaitTermination(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS)) {
                    sender.getValue().shutdownNow();
                    warnings.on(new MigrationEvent.Warning("Notifications to " + sender.getKey() + " still queued "
                            + "after " + limit.toSeconds() + "s were dropped: it did not answer in time."));
                }
            } catch (InterruptedException e) {
                sender.getValue().shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void deliver(NotifySink sink, Notification notification) {
        String problem = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<Void> response = client.send(Payloads.request(sink, notification).timeout(ANSWER)
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                problem = "HTTP " + response.statusCode();
            } catch (IOException e) {
                problem = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (attempt < ATTEMPTS && !pause(attempt)) {
                return;
            }
        }
        warnings.on(new MigrationEvent.Warning("The " + notification.type() + " notification to " + sink
                + " failed after " + ATTEMPTS + " attempts (" + problem + "); the run is not affected."));
    }

    private static boolean pause(int attempt) {
        try {
            Thread.sleep(PAUSE.toMillis() * attempt);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

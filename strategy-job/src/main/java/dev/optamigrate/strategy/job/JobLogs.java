package dev.optamigrate.strategy.job;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.kubernetes.KubernetesCalls;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.function.Consumer;

/** The log of a migration Job's container, read once or followed to its end. */
public final class JobLogs {
    private static final Duration FOLLOW_LIMIT = Duration.ofDays(1);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private JobLogs() {
    }

    /** Sends each line of the Job's log to {@code lines}; with {@code follow}, until the container ends. */
    public static void read(KubernetesClient client, MigrationJobs jobs, String job, boolean follow,
            Consumer<String> lines) {
        String pod = jobs.state(job).pod().orElseThrow(() -> new MigrateException(CoreErrorCode.CONFIGURATION, "Job "
                + job + " has no pod yet, so there is no log.", "Wait a moment, or see why with `opta-migrate job "
                + "status " + job + "`.", null));
        if (follow) {
            EventListener printer = event -> {
                if (event instanceof MigrationEvent.RemoteOutput output) {
                    lines.accept(output.line());
                }
            };
            try (PodLog log = PodLog.follow(client, jobs.namespace(), pod, printer, PodLog.containerRuns(jobs, pod),
                    RETRY_PAUSE)) {
                log.awaitEnd(FOLLOW_LIMIT);
            }
            return;
        }
        String text = KubernetesCalls.call("read the log of pod " + pod, () -> client.pods()
                .inNamespace(jobs.namespace()).withName(pod).inContainer(MigrationJobFactory.CONTAINER).getLog());
        text.lines().forEach(lines);
    }
}

package dev.optamigrate.strategy.shell;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.policy.RunLabels;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.ExecutionReport;
import dev.optamigrate.core.spi.ExecutionStrategy;
import dev.optamigrate.core.spi.MigrationRequest;
import dev.optamigrate.kubernetes.KubernetesConnection;
import dev.optamigrate.kubernetes.MigrationLease;
import dev.optamigrate.kubernetes.RemoteRun;
import dev.optamigrate.kubernetes.RunStory;
import dev.optamigrate.kubernetes.RunningImages;
import dev.optamigrate.kubernetes.ServiceCoordinates;
import dev.optamigrate.kubernetes.ServiceWorkload;
import dev.optamigrate.strategy.job.MigrationJobs;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the command in a Ready pod of the service's newest ReplicaSet: checks that no rollout is under way,
 * shows what will run where and gets it confirmed, takes the service's migration Lease, runs the command with
 * its output streamed, and warns when the Deployment changed meanwhile. The remote exit code becomes ours.
 */
final class ShellStrategy implements ExecutionStrategy {
    private final Duration progressEvery;

    ShellStrategy(Duration progressEvery) {
        this.progressEvery = progressEvery;
    }

    @Override
    public ExecutionReport execute(MigrationRequest request) {
        Settings settings = request.settings();
        EventListener events = request.configuration().listener();
        if (request.detach()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The shell strategy cannot --detach: its command "
                    + "lives only as long as the exec session.", "Use --strategy job --detach.", null);
        }
        ServiceCoordinates where = ServiceCoordinates.from(settings, "The shell strategy");
        request.configuration().checkRunPolicy();
        try (KubernetesClient client = KubernetesConnection.open(settings)) {
            ServiceWorkload workload = ServiceWorkload.find(client, where);
            ChosenPod pod = new RolloutCheck(client, where.namespace(), where.container()).choose(workload);
            pod.warnings().forEach(warning -> events.on(new MigrationEvent.Warning(warning)));
            List<String> command = request.command().isEmpty() ? defaultCommand(settings, pod.image(),
                    RunningImages.of(client, workload, where.container())) : request.command();
            request.configuration().confirmation().confirm("Run in cluster " + KubernetesConnection
                    .describe(client) + ", namespace " + where.namespace() + ", pod " + pod.name() + " (Deployment "
                    + workload.name() + ", image " + pod.image() + "), container " + where.container() + ": "
                    + String.join(" ", command));
            String holder = MigrationLease.identity(request.configuration().operator().orElse(null),
                    ShellStrategyProvider.NAME);
            try (MigrationLease lease = MigrationLease.acquire(client, where.namespace(), where.service(), holder,
                    notice -> events.on(new MigrationEvent.Progress(notice)))) {
                new MigrationJobs(client, where.namespace()).refuseWhileRunning(where.service());
                events.on(new MigrationEvent.Progress("Running in pod " + pod.name() + ": " + String.join(" ",
                        command)));
                RunStory story = RunStory.about(client, lease.lease(), events);
                story.started(holder + " started the migration in pod " + pod.name() + ", image " + pod.image(),
                        RunLabels.from(settings));
                PodExec.Outcome outcome = new PodExec(client, where.namespace(), events, progressEvery)
                        .run(pod.name(), where.container(), command, () -> lease.check("The command may still be "
                                + "running in pod " + pod.name() + "."));
                DeploymentChange.between(workload, ServiceWorkload.find(client, where))
                        .ifPresent(change -> events.on(new MigrationEvent.Warning(change)));
                try {
                    ExecutionReport report = outcome(outcome, pod);
                    story.succeeded("The migration in pod " + pod.name() + " succeeded.");
                    return report;
                } catch (MigrateException failure) {
                    story.failed(failure);
                    throw failure;
                }
            }
        }
    }

    /**
     * {@code opta-migrate migrate} with this run's settings passed through {@code env}, since an exec cannot
     * set variables; the release recorded is the pod's image, and the images of the service's pods are the
     * releases serving traffic.
     */
    private static List<String> defaultCommand(Settings settings, String image, Map<String, Integer> running) {
        List<String> command = new ArrayList<>(List.of("env"));
        for (Map.Entry<String, String> variable : RemoteRun.withRunning(RemoteRun.settingVariables(settings, image),
                running).entrySet()) {
            command.add(variable.getKey() + "=" + variable.getValue());
        }
        command.addAll(RemoteRun.DEFAULT_COMMAND);
        return command;
    }

    private static ExecutionReport outcome(PodExec.Outcome outcome, ChosenPod pod) {
        Optional<Integer> exitCode = outcome.exitCode();
        if (exitCode.isEmpty()) {
            throw new MigrateException(CoreErrorCode.REMOTE_FAILED, "The exec session to pod " + pod.name()
                    + " closed without an exit code: the connection dropped or the container stopped.",
                    "The command may still be running in the pod, or may have stopped half-way. Run "
                            + "`opta-migrate status` against the database before you run it again.", null);
        }
        if (exitCode.get() < 0 && outcome.failure().isPresent()) {
            throw new MigrateException(CoreErrorCode.REMOTE_FAILED, "Kubernetes could not run the command in pod "
                    + pod.name() + ": " + outcome.failure().get(), "Check that the command exists in the image "
                    + pod.image() + " and is on its PATH (or give the full path after --).", null);
        }
        if (exitCode.get() != 0) {
            throw MigrateException.remoteFailure(exitCode.get(), "The command in pod " + pod.name() + " failed"
                    + (exitCode.get() > 0 ? " with exit code " + exitCode.get() : ", and Kubernetes gave no exit "
                            + "code") + ".", "Read its output above; fix the cause and run again.");
        }
        return new ExecutionReport(ShellStrategyProvider.NAME, "pod " + pod.name(), null);
    }
}

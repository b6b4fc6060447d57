package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.ClusterOptions;
import dev.optamigrate.cli.options.OutputOptions;
import dev.optamigrate.cli.output.ConsoleEventPrinter;
import dev.optamigrate.cli.output.Json;
import dev.optamigrate.cli.output.JsonEventPrinter;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.kubernetes.KubernetesConnection;
import dev.optamigrate.kubernetes.KubernetesNames;
import dev.optamigrate.kubernetes.KubernetesSetting;
import dev.optamigrate.strategy.job.JobState;
import dev.optamigrate.strategy.job.JobWatcher;
import dev.optamigrate.strategy.job.MigrationJobs;
import dev.optamigrate.strategy.job.WatchTiming;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows a migration Job's state, or waits for its outcome. */
@Command(name = "status", description = {
    "Show a migration Job's state: pending, running, succeeded or failed, with its pod, exit code and reason. "
            + "Exits 0 unless the Job failed; then with the code `migrate --strategy job` would have exited with.",
    "",
    "JSON (--output json): {\"job\", \"namespace\", \"phase\", \"pod\", \"exitCode\", \"detail\"}.",
    "",
    "Example: opta-migrate job status shop-migrate-k3x9q2ab --service shop --wait",
    ""})
public final class JobStatusCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Mixin
    OutputOptions output;

    @Option(names = "--wait", description = "Wait for the outcome, streaming the log, as `migrate` does.")
    boolean await;

    @Parameters(paramLabel = "NAME", description = "The Job's name, as `migrate --strategy job` printed it.")
    String name;

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;

    @Inject
    JobStatusCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Settings settings = cluster.settings(environment, Map.of());
        PrintWriter out = spec.commandLine().getOut();
        String namespace = ClusterSettings.namespace(settings);
        KubernetesNames.subdomain(name, "The Job's name");
        try (KubernetesClient client = KubernetesConnection.open(settings)) {
            MigrationJobs jobs = new MigrationJobs(client, namespace);
            if (await) {
                new JobWatcher(client, jobs, output.json() ? new JsonEventPrinter(out) : new ConsoleEventPrinter(out),
                        WatchTiming.standard(settings.duration(KubernetesSetting.JOB_START_TIMEOUT))).await(name);
            }
            JobState state = jobs.state(name);
            print(state, jobs.namespace(), out);
            return exitCode(state);
        }
    }

    private void print(JobState state, String namespace, PrintWriter out) {
        if (output.json()) {
            var json = Json.object().put("job", state.name()).put("namespace", namespace)
                    .put("phase", state.phase().name().toLowerCase(Locale.ROOT))
                    .put("pod", state.pod().orElse(null)).put("detail", state.detail());
            state.exitCode().ifPresentOrElse(code -> json.put("exitCode", code), () -> json.putNull("exitCode"));
            out.println(Json.write(json));
            return;
        }
        out.println("Job " + state.name() + " in namespace " + namespace + ": " + state.phase().name()
                .toLowerCase(Locale.ROOT) + " (" + state.detail() + ")"
                + state.exitCode().map(code -> ", exit code " + code).orElse(""));
    }

    private static int exitCode(JobState state) {
        if (state.phase() != JobState.Phase.FAILED) {
            return 0;
        }
        ErrorCode code = state.failure().orElse(CoreErrorCode.REMOTE_FAILED);
        if (code == CoreErrorCode.REMOTE_FAILED) {
            return state.exitCode().filter(exit -> exit > 0).orElse(code.exitCode());
        }
        return code.exitCode();
    }
}

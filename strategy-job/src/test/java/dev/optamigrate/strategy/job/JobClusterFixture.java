package dev.optamigrate.strategy.job;

import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.settings.SettingsLoader;
import dev.optamigrate.core.spi.ExecutionReport;
import dev.optamigrate.core.spi.MigrationRequest;
import dev.optamigrate.kubernetes.KubernetesSetting;
import dev.optamigrate.kubernetes.testing.FakeCluster;
import dev.optamigrate.kubernetes.testing.FakeKubelet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake cluster with a kubelet, a kubeconfig that points at it, and a way to run the job strategy there. */
final class JobClusterFixture implements AutoCloseable {
    /** Longer than the fake kubelet's short ErrImagePull and back-off, shorter than a test should wait. */
    static final Duration PULL_GRACE = Duration.ofSeconds(2);
    static final Duration STUCK_GRACE = Duration.ofSeconds(1);
    static final Duration API_PATIENCE = Duration.ofSeconds(10);

    final FakeCluster cluster = FakeCluster.start();
    final FakeKubelet kubelet = new FakeKubelet(cluster);
    final List<MigrationEvent> events = new CopyOnWriteArrayList<>();
    private final Path kubeconfig;
    private final Path directory;

    JobClusterFixture(Path directory) {
        this.directory = directory;
        this.kubeconfig = cluster.writeKubeconfig(directory);
    }

    Settings settings(Map<Setting, String> flags) {
        Map<Setting, String> all = new HashMap<>();
        all.put(KubernetesSetting.SERVICE, "shop");
        all.putAll(flags);
        return SettingsLoader.load(all, Map.of("KUBECONFIG", kubeconfig.toString()), Optional.empty(), directory);
    }

    ExecutionReport run(Map<Setting, String> flags, List<String> command, boolean detach) {
        return run(flags, command, detach, EventListener.NONE);
    }

    /** Runs the strategy; {@code also} sees every event too, while the run goes on. */
    ExecutionReport run(Map<Setting, String> flags, List<String> command, boolean detach, EventListener also) {
        Settings settings = settings(flags);
        MigratorConfiguration configuration = MigratorConfiguration.from(settings).addListener(events::add)
                .addListener(also).operator("tester");
        return new JobStrategy(start -> new WatchTiming(start, Duration.ofMillis(50), Duration.ofMillis(200),
                PULL_GRACE, STUCK_GRACE, API_PATIENCE)).execute(new MigrationRequest(configuration.readOnly(),
                        JobStrategyProvider.NAME, settings, command, detach));
    }

    ExecutionReport run() {
        return run(Map.of(), List.of(), false);
    }

    List<String> remoteLines() {
        return events.stream().filter(MigrationEvent.RemoteOutput.class::isInstance)
                .map(event -> ((MigrationEvent.RemoteOutput) event).line()).toList();
    }

    List<String> progress() {
        return events.stream().filter(MigrationEvent.Progress.class::isInstance)
                .map(event -> ((MigrationEvent.Progress) event).message()).toList();
    }

    @Override
    public void close() {
        kubelet.close();
        cluster.close();
    }
}

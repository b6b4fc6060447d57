package dev.optamigrate.strategy.external;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.ExecutionReport;
import dev.optamigrate.core.spi.ExecutionStrategy;
import dev.optamigrate.core.spi.MigrationRequest;
import dev.optamigrate.core.spi.PendingMigration;
import dev.optamigrate.core.spi.RunConfiguration;
import dev.optamigrate.core.spi.TargetMigrator;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.target.TargetResolver;
import dev.optamigrate.kubernetes.ImageReference;
import dev.optamigrate.kubernetes.KubernetesConnection;
import dev.optamigrate.kubernetes.ServiceCoordinates;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the engine here against a database reached from outside the cluster: resolves the target (from the
 * settings, or from the service's Secret), requires TLS for remote hosts, opens a tunnel when asked, runs the
 * preflight, has a protected target confirmed up front, then migrates.
 */
final class ExternalStrategy implements ExecutionStrategy {
    private final Duration poll;
    private final Duration pullGrace;

    /**
     * @param poll      how often the tunnel pod is looked at while it starts
     * @param pullGrace how long its image pull may keep failing (the kubelet retries) before the run gives up
     */
    ExternalStrategy(Duration poll, Duration pullGrace) {
        this.poll = poll;
        this.pullGrace = pullGrace;
    }

    @Override
    public ExecutionReport execute(MigrationRequest request) {
        Settings settings = request.settings();
        if (request.detach() || !request.command().isEmpty()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The external strategy runs the migration in this "
                    + "process, so it takes neither --detach nor a command after --.", "Drop them, or use "
                    + "--strategy job.", null);
        }
        boolean fromCluster = settings.bool(ExternalSetting.CREDENTIALS_FROM_CLUSTER);
        boolean tunnel = settings.bool(ExternalSetting.TUNNEL);
        if (!fromCluster && !tunnel) {
            return migrate(request, TlsDefault.apply(new TargetResolver(settings).resolve(), settings), null);
        }
        ServiceCoordinates where = ServiceCoordinates.from(settings,
                "The external strategy with --credentials-from-cluster or --tunnel");
        if (tunnel) {
            ImageReference.requireValid(settings.require(ExternalSetting.TUNNEL_IMAGE), "The tunnel image (from "
                    + settings.sourceOf(ExternalSetting.TUNNEL_IMAGE) + ")");
        }
        try (KubernetesClient client = KubernetesConnection.open(settings)) {
            Target target = TlsDefault.apply(fromCluster ? fromSecret(client, where, settings)
                    : new TargetResolver(settings).resolve(), settings);
            MigrationRequest withRunning = ServiceReleases.added(request, client, where);
            if (!tunnel) {
                return migrate(withRunning, target, null);
            }
            try (Tunnel open = Tunnel.open(client, where.namespace(), where.service(), target, settings,
                    request.configuration().listener(), poll, pullGrace)) {
                return migrate(withRunning, target, open);
            }
        }
    }

    private static Target fromSecret(KubernetesClient client, ServiceCoordinates where, Settings settings) {
        TargetResolver resolver = new TargetResolver(settings.withEnvironment(ClusterCredentials.read(client, where,
                settings)));
        Target target = resolver.resolve();
        return resolver.optaPassword().map(target::withPassword).orElse(target);
    }

    /**
     * Migrates; a connection failure through the tunnel is reported as the port-forward's own failure when it
     * has one (a refused upgrade looks like a dropped database connection otherwise).
     *
     * @param tunnel the tunnel to go through, or null to connect to the target directly
     */
    private static ExecutionReport migrate(MigrationRequest request, Target target, Tunnel tunnel) {
        try {
            return migrateAt(request, target, tunnel);
        } catch (MigrateException failure) {
            if (tunnel != null && failure.code() == CoreErrorCode.CANNOT_CONNECT) {
                throw tunnel.forwardFailure().orElse(failure);
            }
            throw failure;
        }
    }

    private static ExecutionReport migrateAt(MigrationRequest request, Target target, Tunnel tunnel) {
        Target reach = tunnel == null ? target : target.withAddress("127.0.0.1", tunnel.localPort());
        RunConfiguration configuration = request.configuration();
        configuration.listener().on(new MigrationEvent.Progress(Preflight.check(reach)));
        TargetMigrator migrator = configuration.migratorFor(reach, request.strategy());
        String where = target.describe() + (tunnel == null ? "" : " through the tunnel");
        if (request.settings().bool(ExternalSetting.PROTECTED)) {
            configuration.confirmation().requireUpFront(summary(migrator, configuration.location(), where));
        }
        return new ExecutionReport(ExternalStrategyProvider.NAME, where, migrator.migrate());
    }

    private static String summary(TargetMigrator migrator, String location, String where) {
        List<PendingMigration> pending = migrator.pending();
        return "Target " + where + " is protected. " + (pending.isEmpty() ? "Nothing is pending there."
                : "Will apply " + pending.size() + " migration" + (pending.size() == 1 ? "" : "s") + " with "
                        + migrator.tool() + " from " + location + ": " + pending.stream()
                                .map(migration -> migration.version() + " " + migration.description())
                                .collect(Collectors.joining(", ")) + ".");
    }
}

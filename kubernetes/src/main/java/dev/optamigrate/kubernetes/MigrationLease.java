package dev.optamigrate.kubernetes;

import dev.optamigrate.core.connect.Hosts;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The {@code coordination.k8s.io/v1} Lease {@code opta-migrate-<service>} that a migration in the cluster holds
 * while it runs, so that a second migration, or a deploy pipeline that runs {@code opta-migrate guard} first,
 * sees it. It is renewed while held and deleted when released; a holder that died stops renewing, and its lease
 * expires after its duration.
 */
public final class MigrationLease implements AutoCloseable {
    private static final int CONFLICT = 409;
    private static final Duration DURATION = Duration.ofSeconds(60);
    private static final Duration RENEWAL = Duration.ofSeconds(20);

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final String identity;
    private final ScheduledExecutorService renewer;
    private final ExitCleanup releaseOnExit;

    private MigrationLease(KubernetesClient client, String namespace, String name, String identity,
            Duration renewEvery) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.identity = identity;
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lease-renewer-" + name);
            thread.setDaemon(true);
            return thread;
        });
        renewer.scheduleAtFixedRate(this::renew, renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
        this.releaseOnExit = new ExitCleanup("lease-release-" + name, this::release);
    }

    /** Who holds a lease and until when it counts as held. */
    public record Holder(String identity, ZonedDateTime renewed, Duration duration) {
        boolean expiredAt(ZonedDateTime now) {
            return renewed.plus(duration).isBefore(now);
        }

        /** The holder in words, for refusals. */
        public String describe() {
            return identity + " (last renewed " + renewed.withNano(0) + ", held for " + duration.toSeconds()
                    + " s after each renewal)";
        }
    }

    /** A holder identity in words: operator, host, strategy and process, e.g. {@code ana@laptop (strategy shell, pid 7)}. */
    public static String identity(String operator, String strategy) {
        return (operator == null ? "unknown" : operator) + "@" + Hosts.localName() + " (strategy " + strategy
                + ", pid " + ProcessHandle.current().pid() + ")";
    }

    public static String name(String service) {
        return "opta-migrate-" + service;
    }

    /** The current holder of the service's lease, unless it is free (absent, released or expired). */
    public static Optional<Holder> holder(KubernetesClient client, String namespace, String service) {
        return read(client, namespace, name(service)).flatMap(MigrationLease::validHolder);
    }

    /** Refuses, naming the holder, while somebody holds the service's lease; reads only. */
    public static void refuseIfHeld(KubernetesClient client, String namespace, String service) {
        holder(client, namespace, service).ifPresent(holder -> {
            throw held(service, namespace, holder);
        });
    }

    /** Takes the service's lease for 60 s, renewed every 20 s, or refuses naming its holder. */
    public static MigrationLease acquire(KubernetesClient client, String namespace, String service, String identity) {
        return acquire(client, namespace, service, identity, DURATION, RENEWAL);
    }

    /**
     * Takes the service's lease, or refuses naming its holder.
     *
     * @param identity   who takes it, in words (user, host, strategy)
     * @param duration   how long it counts as held after each renewal
     * @param renewEvery how often it is renewed while held
     */
    public static MigrationLease acquire(KubernetesClient client, String namespace, String service, String identity,
            Duration duration, Duration renewEvery) {
        String name = name(service);
        Optional<Lease> current = read(client, namespace, name);
        current.flatMap(MigrationLease::validHolder).filter(holder -> !holder.identity().equals(identity))
                .ifPresent(holder -> {
                    throw held(service, namespace, holder);
                });
        ZonedDateTime now = now();
        Lease lease = new LeaseBuilder(current.orElseGet(() -> new LeaseBuilder().withNewMetadata().withName(name)
                .withNamespace(namespace).endMetadata().build()))
                .editOrNewSpec().withHolderIdentity(identity).withAcquireTime(now).withRenewTime(now)
                .withLeaseDurationSeconds((int) duration.toSeconds()).endSpec().build();
        try {
            KubernetesCalls.call("take Lease " + name + " in namespace " + namespace, () -> current.isPresent()
                    ? client.leases().inNamespace(namespace).resource(lease).update()
                    : client.leases().inNamespace(namespace).resource(lease).create());
        } catch (MigrateException failure) {
            if (failure.getCause() instanceof KubernetesClientException api && api.getCode() == CONFLICT) {
                throw holder(client, namespace, service).map(holder -> held(service, namespace, holder))
                        .orElse(failure);
            }
            throw failure;
        }
        return new MigrationLease(client, namespace, name, identity, renewEvery);
    }

    private static MigrateException held(String service, String namespace, Holder holder) {
        return new MigrateException(ErrorCode.MIGRATION_IN_PROGRESS, "A migration of service " + service
                + " is running: Lease " + name(service) + " in namespace " + namespace + " is held by "
                + holder.describe() + ".", "Wait for it to finish. If that run is gone, its lease expires "
                + holder.duration().toSeconds() + " s after its last renewal.", null);
    }

    private void renew() {
        try {
            client.leases().inNamespace(namespace).withName(name).edit(lease -> identity.equals(
                    lease.getSpec().getHolderIdentity()) ? new LeaseBuilder(lease).editSpec().withRenewTime(now())
                            .endSpec().build() : lease);
        } catch (KubernetesClientException missed) {
            // the next renewal tries again; the lease counts as held until its duration has passed
        }
    }

    /** Stops renewing and deletes the lease if it is still ours; Ctrl-C does the same through a shutdown hook. */
    @Override
    public void close() {
        releaseOnExit.close();
    }

    private void release() {
        renewer.shutdownNow();
        try {
            read(client, namespace, name).filter(lease -> identity.equals(lease.getSpec().getHolderIdentity()))
                    .ifPresent(lease -> client.leases().inNamespace(namespace).withName(name).delete());
        } catch (KubernetesClientException | MigrateException unreachable) {
            // it expires on its own once no longer renewed
        }
    }

    private static Optional<Lease> read(KubernetesClient client, String namespace, String name) {
        return Optional.ofNullable(KubernetesCalls.call("read Lease " + name + " in namespace " + namespace,
                () -> client.leases().inNamespace(namespace).withName(name).get()));
    }

    private static Optional<Holder> validHolder(Lease lease) {
        var spec = lease.getSpec();
        if (spec == null || spec.getHolderIdentity() == null || spec.getHolderIdentity().isBlank()) {
            return Optional.empty();
        }
        ZonedDateTime renewed = Optional.ofNullable(spec.getRenewTime()).or(() -> Optional.ofNullable(
                spec.getAcquireTime())).orElse(now());
        Holder holder = new Holder(spec.getHolderIdentity(), renewed,
                Duration.ofSeconds(Optional.ofNullable(spec.getLeaseDurationSeconds()).orElse(0)));
        return holder.expiredAt(now()) ? Optional.empty() : Optional.of(holder);
    }

    private static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneOffset.UTC);
    }
}

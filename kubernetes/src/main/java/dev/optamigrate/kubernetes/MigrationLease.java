package dev.optamigrate.kubernetes;

import dev.optamigrate.core.connect.Hosts;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The {@code coordination.k8s.io/v1} Lease {@code opta-migrate-<service>} that a migration in the cluster holds
 * while it runs, so that a second migration, or a deploy pipeline that runs {@code opta-migrate guard} first,
 * sees it. It is renewed while held and deleted when released.
 *
 * <p>A holder that died stops renewing. Whether it did is judged as client-go's leader election judges it: by
 * watching the record, on this machine's clock, for one lease duration; a record that does not change in that
 * time has expired. The holder's {@code renewTime} is never compared with this machine's clock, so clock skew
 * between machines does not matter. A renewal that fails for a whole lease duration, or finds another holder,
 * marks the lease lost, and {@link #check} ends the run that holds it.
 */
public final class MigrationLease implements AutoCloseable {
    private static final Duration DURATION = Duration.ofSeconds(60);
    private static final Duration RENEWAL = Duration.ofSeconds(20);

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final String identity;
    private final Duration duration;
    private final ScheduledExecutorService renewer;
    private final ExitCleanup releaseOnExit;
    private final AtomicReference<String> lost = new AtomicReference<>();
    private final Lease taken;
    private volatile long lastRenewal = System.nanoTime();

    private MigrationLease(KubernetesClient client, Lease taken, String identity, Duration duration,
            Duration renewEvery) {
        this.client = client;
        this.taken = taken;
        String namespace = taken.getMetadata().getNamespace();
        String name = taken.getMetadata().getName();
        this.namespace = namespace;
        this.name = name;
        this.identity = identity;
        this.duration = duration;
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lease-renewer-" + name);
            thread.setDaemon(true);
            return thread;
        });
        renewer.scheduleWithFixedDelay(this::renew, renewEvery.toMillis(), renewEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        this.releaseOnExit = new ExitCleanup("lease-release-" + name, this::release);
    }

    /** Who holds a lease, as its record says. */
    public record Holder(String identity, Optional<ZonedDateTime> renewed, Duration duration) {
        /** The holder in words, for refusals. */
        public String describe() {
            return identity + renewed.map(time -> " (last renewed " + time.withNano(0) + " by its clock)").orElse("");
        }
    }

    /**
     * A holder identity in words: operator, host, strategy and process, e.g.
     * {@code ana@laptop (strategy shell, pid 7)}.
     */
    public static String identity(String operator, String strategy) {
        return (operator == null ? "unknown" : operator) + "@" + Hosts.localName() + " (strategy " + strategy
                + ", pid " + ProcessHandle.current().pid() + ")";
    }

    public static String name(String service) {
        return "opta-migrate-" + service;
    }

    /** The holder the service's lease records, if any, without judging whether it is still alive; reads once. */
    public static Optional<Holder> holder(KubernetesClient client, String namespace, String service) {
        return read(client, namespace, name(service)).flatMap(MigrationLease::recordedHolder);
    }

    /**
     * Refuses, naming the holder, while somebody holds the service's lease; reads only. A recorded holder is
     * watched for up to its lease duration to see whether it is still alive.
     */
    public static void refuseIfHeld(KubernetesClient client, String namespace, String service,
            Consumer<String> notices) {
        LeaseObservation seen = LeaseObservation.watch(client, namespace, name(service), null, notices);
        seen.alive().ifPresent(holder -> {
            throw held(service, namespace, holder);
        });
    }

    /** Takes the service's lease for 60 s, renewed every 20 s, or refuses naming its holder. */
    public static MigrationLease acquire(KubernetesClient client, String namespace, String service, String identity,
            Consumer<String> notices) {
        return acquire(client, namespace, service, identity, DURATION, RENEWAL, notices);
    }

    /**
     * Takes the service's lease, or refuses naming its holder.
     *
     * @param identity   who takes it, in words (user, host, strategy)
     * @param duration   how long it counts as held after each renewal
     * @param renewEvery how often it is renewed while held
     * @param notices    told, in words, when a recorded holder is watched before the lease is taken
     */
    public static MigrationLease acquire(KubernetesClient client, String namespace, String service, String identity,
            Duration duration, Duration renewEvery, Consumer<String> notices) {
        String name = name(service);
        LeaseObservation seen = LeaseObservation.watch(client, namespace, name, identity, notices);
        seen.alive().ifPresent(holder -> {
            throw held(service, namespace, holder);
        });
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        Lease lease = new LeaseBuilder(seen.lease().orElseGet(() -> new LeaseBuilder().withNewMetadata()
                .withName(name).withNamespace(namespace).endMetadata().build()))
                .editOrNewSpec().withHolderIdentity(identity).withAcquireTime(now).withRenewTime(now)
                .withLeaseDurationSeconds((int) duration.toSeconds()).endSpec().build();
        try {
            Lease taken = KubernetesCalls.call("take Lease " + name + " in namespace " + namespace, () -> seen.lease()
                    .isPresent() ? client.leases().inNamespace(namespace).resource(lease).update()
                    : client.leases().inNamespace(namespace).resource(lease).create());
            return new MigrationLease(client, taken, identity, duration, renewEvery);
        } catch (MigrateException failure) {
            if (failure.getCause() instanceof KubernetesClientException api
                    && api.getCode() == LeaseObservation.CONFLICT) {
                throw holder(client, namespace, service).map(holder -> held(service, namespace, holder))
                        .orElse(failure);
            }
            throw failure;
        }
    }

    /** The Lease as it was taken: the object a run's Kubernetes Events are about. */
    public Lease lease() {
        return taken;
    }

    private static MigrateException held(String service, String namespace, Holder holder) {
        return new MigrateException(KubernetesErrorCode.MIGRATION_IN_PROGRESS, "A migration of service " + service
                + " is running: Lease " + name(service) + " in namespace " + namespace + " is held by "
                + holder.describe() + ", and its holder keeps renewing it.", "Wait for it to finish. If that run is "
                + "gone, its lease expires " + holder.duration().toSeconds() + " s after its last renewal.", null);
    }

    /**
     * Ends the run that holds this lease if the lease was lost: a renewal found another holder or no lease, or
     * no renewal got through for a whole lease duration.
     *
     * @param stillRunning what goes on without us, in words, e.g. "Job x is still running: follow it with ..."
     */
    public void check(String stillRunning) {
        String why = lost.get();
        if (why != null) {
            throw new MigrateException(KubernetesErrorCode.LEASE_LOST, "Lost Lease " + name + " in namespace "
                    + namespace
                    + ": " + why + ". " + stillRunning, "Another migration of the service may start meanwhile. "
                    + "Find out who holds the lease (`kubectl get lease " + name + " -n " + namespace + " -o yaml`) "
                    + "before you run again.", null);
        }
    }

    private void renew() {
        try {
            Lease current = client.leases().inNamespace(namespace).withName(name).get();
            if (current == null) {
                lose("it was deleted while held");
                return;
            }
            Optional<Holder> holder = recordedHolder(current);
            if (holder.isEmpty() || !identity.equals(holder.get().identity())) {
                lose("it is now held by " + holder.map(Holder::describe).orElse("nobody"));
                return;
            }
            client.leases().inNamespace(namespace).resource(new LeaseBuilder(current).editSpec()
                    .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC)).endSpec().build()).update();
            lastRenewal = System.nanoTime();
        } catch (KubernetesClientException missed) {
            if (System.nanoTime() - lastRenewal > duration.toNanos()) {
                lose("no renewal got through for " + duration.toSeconds() + " s (last failure: "
                        + KubernetesCalls.translate("renew it", missed).getMessage() + ")");
            }
        }
    }

    private void lose(String why) {
        lost.compareAndSet(null, why);
        renewer.shutdown();
    }

    /** Stops renewing and deletes the lease if it is still ours; Ctrl-C does the same through a shutdown hook. */
    @Override
    public void close() {
        releaseOnExit.close();
    }

    /** Deletes the lease only in the version we last saw as ours, so that a holder that took it over keeps it. */
    private void release() {
        renewer.shutdownNow();
        try {
            read(client, namespace, name).filter(lease -> recordedHolder(lease).map(Holder::identity)
                    .filter(identity::equals).isPresent())
                    .ifPresent(lease -> client.leases().inNamespace(namespace).withName(name)
                            .lockResourceVersion(lease.getMetadata().getResourceVersion()).delete());
        } catch (KubernetesClientException | MigrateException unreachable) {
            // it expires on its own once no longer renewed
        }
    }

    static Optional<Lease> read(KubernetesClient client, String namespace, String name) {
        return Optional.ofNullable(KubernetesCalls.call("read Lease " + name + " in namespace " + namespace,
                () -> client.leases().inNamespace(namespace).withName(name).get()));
    }

    static Optional<Holder> recordedHolder(Lease lease) {
        var spec = lease.getSpec();
        if (spec == null || spec.getHolderIdentity() == null || spec.getHolderIdentity().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Holder(spec.getHolderIdentity(), Optional.ofNullable(spec.getRenewTime())
                .or(() -> Optional.ofNullable(spec.getAcquireTime())),
                Duration.ofSeconds(Optional.ofNullable(spec.getLeaseDurationSeconds()).orElse(0))));
    }
}

package dev.optamigrate.kubernetes;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A migration Lease as watched before it is taken or judged: free, held by a holder that is seen to renew it,
 * or expired because its record did not change for one lease duration on this machine's clock.
 *
 * @param lease the lease record last read, to take it over in that version
 * @param alive the holder that was seen renewing it; empty when the lease is free or expired
 */
record LeaseObservation(Optional<Lease> lease, Optional<MigrationLease.Holder> alive) {
    static final int CONFLICT = 409;
    private static final Duration SHORTEST_LOOK = Duration.ofMillis(100);
    private static final Duration LONGEST_LOOK = Duration.ofSeconds(2);

    /**
     * Reads the lease and, if it records a holder other than {@code self}, watches it for up to its duration.
     *
     * @param self the identity that takes it (its own record counts as free), or null when only judging
     */
    static LeaseObservation watch(KubernetesClient client, String namespace, String name, String self,
            Consumer<String> notices) {
        Optional<Lease> first = MigrationLease.read(client, namespace, name);
        Optional<MigrationLease.Holder> holder = first.flatMap(MigrationLease::recordedHolder);
        if (holder.isEmpty() || holder.get().identity().equals(self)) {
            return new LeaseObservation(first, Optional.empty());
        }
        Duration duration = holder.get().duration();
        notices.accept("Lease " + name + " in namespace " + namespace + " is held by " + holder.get().describe()
                + "; watching it for up to " + duration.toSeconds() + " s to see whether its holder still renews it.");
        Duration look = clamp(duration.dividedBy(10));
        long started = System.nanoTime();
        while (System.nanoTime() - started < duration.toNanos()) {
            Pause.of(look, "watching a Lease");
            Optional<Lease> now = MigrationLease.read(client, namespace, name);
            if (now.isEmpty()) {
                return new LeaseObservation(now, Optional.empty());
            }
            if (!Objects.equals(version(now.get()), version(first.get()))) {
                Optional<MigrationLease.Holder> current = now.flatMap(MigrationLease::recordedHolder);
                return new LeaseObservation(now, current.filter(h -> !h.identity().equals(self)));
            }
        }
        notices.accept("Lease " + name + " was not renewed for " + duration.toSeconds() + " s: its holder "
                + holder.get().identity() + " is gone, so it has expired.");
        return new LeaseObservation(first, Optional.empty());
    }

    private static String version(Lease lease) {
        return lease.getMetadata().getResourceVersion();
    }

    private static Duration clamp(Duration look) {
        if (look.compareTo(SHORTEST_LOOK) < 0) {
            return SHORTEST_LOOK;
        }
        return look.compareTo(LONGEST_LOOK) > 0 ? LONGEST_LOOK : look;
    }
}

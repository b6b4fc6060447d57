package dev.optamigrate.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.kubernetes.testing.FakeCluster;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service's migration Lease, judged as client-go's leader election judges one: a record counts as held until
 * it has been seen unchanged for its whole duration on the observer's own clock (client-go
 * tools/leaderelection, observedTime), so that skew between the holder's clock and ours does not matter.
 */
class MigrationLeaseTest {
    private static final Duration HELD_FOR = Duration.ofSeconds(2);
    private static final Duration RENEW = Duration.ofMillis(100);

    private final FakeCluster cluster = FakeCluster.start();
    private final List<String> notices = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aRenewedLeaseRefusesAnotherHolderAndNamesIt() {
        try (MigrationLease held = acquire("alice@laptop (job)")) {
            assertThat(MigrationLease.holder(cluster.client(), "shop", "shop")).get()
                    .extracting(MigrationLease.Holder::identity).isEqualTo("alice@laptop (job)");

            long started = System.nanoTime();
            assertThatThrownBy(() -> acquire("bob@ci (job)")).isInstanceOfSatisfying(MigrateException.class,
                    failure -> {
                        assertThat(failure.code()).isEqualTo(KubernetesErrorCode.MIGRATION_IN_PROGRESS);
                        assertThat(failure.getMessage()).contains("held by alice@laptop (job)")
                                .contains("opta-migrate-shop").contains("keeps renewing it");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused once a renewal was seen")
                    .isLessThan(HELD_FOR);
            assertThat(notices).anyMatch(notice -> notice.contains("watching it for up to 2 s"));
        }
        assertThat(lease()).isNull();
        assertThat(MigrationLease.holder(cluster.client(), "shop", "shop")).isEmpty();
    }

    @Test
    void aLeaseNobodyRenewsExpiresAfterOneDurationEvenWhenItsHoldersClockRunsAhead() {
        ZonedDateTime holdersClockAhead = ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(10);
        createLease("crashed@node-1 (job)", holdersClockAhead, 1);

        long started = System.nanoTime();
        try (MigrationLease taken = acquire("bob@ci (job)")) {
            assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("bob@ci (job)");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(notices).anyMatch(notice -> notice.contains("crashed@node-1 (job) is gone"));
    }

    @Test
    void aLeaseStillRenewedIsHeldEvenWhenItsHoldersClockRunsBehind() throws InterruptedException {
        createLease("alice@skewed (job)", ZonedDateTime.now(ZoneOffset.UTC).minusHours(1), 1);
        Thread renewer = new Thread(() -> {
            for (int i = 0; i < 40 && !Thread.currentThread().isInterrupted(); i++) {
                cluster.client().leases().inNamespace("shop").withName("opta-migrate-shop").edit(lease ->
                        new LeaseBuilder(lease).editSpec().withRenewTime(lease.getSpec().getRenewTime()
                                .plusNanos(1_000_000)).endSpec().build());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
        renewer.start();
        try {
            assertThatThrownBy(() -> MigrationLease.refuseIfHeld(cluster.client(), "shop", "shop", notices::add))
                    .isInstanceOfSatisfying(MigrateException.class, failure -> assertThat(failure.code())
                            .isEqualTo(KubernetesErrorCode.MIGRATION_IN_PROGRESS));
        } finally {
            renewer.interrupt();
            renewer.join();
        }
    }

    @Test
    void aHeldLeaseIsRenewed() throws InterruptedException {
        try (MigrationLease held = acquire("alice@laptop (job)")) {
            ZonedDateTime first = lease().getSpec().getRenewTime();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!lease().getSpec().getRenewTime().isAfter(first) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(lease().getSpec().getRenewTime()).isAfter(first);
            held.check("unused");
        }
    }

    @Test
    void aLeaseTakenOverEndsTheRunThatHeldIt() throws InterruptedException {
        try (MigrationLease held = acquire("alice@laptop (job)")) {
            cluster.client().leases().inNamespace("shop").withName("opta-migrate-shop").edit(lease ->
                    new LeaseBuilder(lease).editSpec().withHolderIdentity("mallory@elsewhere (job)").endSpec()
                            .build());

            assertThat(lostWithin(held, Duration.ofSeconds(5))).isInstanceOfSatisfying(MigrateException.class,
                    failure -> {
                        assertThat(failure.code()).isEqualTo(KubernetesErrorCode.LEASE_LOST);
                        assertThat(failure.getMessage()).contains("now held by mallory@elsewhere (job)")
                                .contains("Job x may still be running");
                    });
        }
        assertThat(lease().getSpec().getHolderIdentity()).as("a lease taken over is not released by its former "
                + "holder").isEqualTo("mallory@elsewhere (job)");
    }

    @Test
    void aLeaseThatCannotBeRenewedForItsDurationIsLost() throws InterruptedException {
        try (MigrationLease held = acquire("alice@laptop (job)")) {
            cluster.failNext(request -> request.getPath().contains("/leases/"), 503, 100_000);

            assertThat(lostWithin(held, Duration.ofSeconds(20))).isInstanceOfSatisfying(MigrateException.class,
                    failure -> {
                        assertThat(failure.code()).isEqualTo(KubernetesErrorCode.LEASE_LOST);
                        assertThat(failure.getMessage()).contains("no renewal got through for 2 s")
                                .contains("HTTP 503");
                    });
        }
    }

    @Test
    void releaseDeletesOnlyTheVersionItHolds() throws InterruptedException {
        acquire("alice@laptop (job)").close();

        assertThat(lease()).isNull();
        List<RecordedRequest> deletes = new ArrayList<>();
        for (RecordedRequest request = cluster.server().takeRequest(1, TimeUnit.SECONDS); request != null;
                request = cluster.server().takeRequest(100, TimeUnit.MILLISECONDS)) {
            if ("DELETE".equals(request.getMethod()) && request.getPath().contains("/leases/")) {
                deletes.add(request);
            }
        }
        assertThat(deletes).singleElement().satisfies(delete -> assertThat(delete.getUtf8Body())
                .contains("\"preconditions\"").contains("\"resourceVersion\""));
    }

    private static MigrateException lostWithin(MigrationLease lease, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                lease.check("Job x may still be running.");
            } catch (MigrateException lost) {
                return lost;
            }
            Thread.sleep(50);
        }
        return null;
    }

    private MigrationLease acquire(String identity) {
        return MigrationLease.acquire(cluster.client(), "shop", "shop", identity, HELD_FOR, RENEW, notices::add);
    }

    private void createLease(String holder, ZonedDateTime renewed, int seconds) {
        cluster.client().leases().inNamespace("shop").resource(new LeaseBuilder().withNewMetadata()
                .withName("opta-migrate-shop").withNamespace("shop").endMetadata().withNewSpec()
                .withHolderIdentity(holder).withRenewTime(renewed).withAcquireTime(renewed)
                .withLeaseDurationSeconds(seconds).endSpec().build()).create();
    }

    private Lease lease() {
        return cluster.client().leases().inNamespace("shop").withName("opta-migrate-shop").get();
    }
}

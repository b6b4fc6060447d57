package dev.optamigrate.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.kubernetes.testing.FakeCluster;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MigrationLeaseTest {
    private static final Duration HELD_FOR = Duration.ofSeconds(60);
    private static final Duration RENEW = Duration.ofSeconds(20);

    private final FakeCluster cluster = FakeCluster.start();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aHeldLeaseRefusesAnotherHolderAndNamesIt() {
        try (MigrationLease held = MigrationLease.acquire(cluster.client(), "shop", "shop", "alice@laptop (job)",
                HELD_FOR, RENEW)) {
            assertThat(MigrationLease.holder(cluster.client(), "shop", "shop")).get()
                    .extracting(MigrationLease.Holder::identity).isEqualTo("alice@laptop (job)");

            assertThatThrownBy(() -> MigrationLease.acquire(cluster.client(), "shop", "shop", "bob@ci (job)",
                    HELD_FOR, RENEW)).isInstanceOfSatisfying(MigrateException.class, failure -> {
                        assertThat(failure.code()).isEqualTo(ErrorCode.MIGRATION_IN_PROGRESS);
                        assertThat(failure.getMessage()).contains("held by alice@laptop (job)")
                                .contains("opta-migrate-shop");
                    });
        }
        assertThat(lease()).isNull();
        assertThat(MigrationLease.holder(cluster.client(), "shop", "shop")).isEmpty();
    }

    @Test
    void anExpiredLeaseOfADeadHolderCanBeTaken() {
        ZonedDateTime longAgo = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(10);
        cluster.client().leases().inNamespace("shop").resource(new LeaseBuilder().withNewMetadata()
                .withName("opta-migrate-shop").withNamespace("shop").endMetadata().withNewSpec()
                .withHolderIdentity("crashed@node-1 (job)").withRenewTime(longAgo).withAcquireTime(longAgo)
                .withLeaseDurationSeconds(60).endSpec().build()).create();

        assertThat(MigrationLease.holder(cluster.client(), "shop", "shop")).isEmpty();
        try (MigrationLease taken = MigrationLease.acquire(cluster.client(), "shop", "shop", "bob@ci (job)",
                HELD_FOR, RENEW)) {
            assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("bob@ci (job)");
        }
    }

    @Test
    void aHeldLeaseIsRenewed() throws InterruptedException {
        try (MigrationLease held = MigrationLease.acquire(cluster.client(), "shop", "shop", "alice@laptop (job)",
                HELD_FOR, Duration.ofMillis(100))) {
            ZonedDateTime first = lease().getSpec().getRenewTime();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!lease().getSpec().getRenewTime().isAfter(first) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(lease().getSpec().getRenewTime()).isAfter(first);
        }
    }

    private Lease lease() {
        return cluster.client().leases().inNamespace("shop").withName("opta-migrate-shop").get();
    }
}

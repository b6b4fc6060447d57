package dev.optamigrate.core.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.journal.JournalScope;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigrationLockTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Test
    void secondRunTimesOutAndNamesTheHolder(TestDatabase db) {
        Connections holderSide = new Connections(db.target(), "holder-app on build-7 pid 4242");
        try (MigrationLock holder = new MigrationLock(holderSide.open())) {
            holder.acquire(Duration.ofSeconds(5), event -> { });
            List<MigrationEvent> events = new CopyOnWriteArrayList<>();

            MigrateException timeout = catchThrowableOfType(MigrateException.class, () -> {
                try (MigrationLock waiter = new MigrationLock(new Connections(db.target(), "waiter").open())) {
                    waiter.acquire(Duration.ofMillis(700), events::add);
                }
            });

            assertThat(timeout.code()).isEqualTo(CoreErrorCode.LOCK_TIMEOUT);
            assertThat(timeout.getMessage()).contains("holder-app on build-7 pid 4242", "backend pid", "since");
            assertThat(events).first().isInstanceOfSatisfying(MigrationEvent.LockWaiting.class,
                    waiting -> assertThat(waiting.holder()).contains("holder-app"));
        }
    }

    @Test
    void waiterGetsTheLockOnceTheHolderReleasesIt(TestDatabase db) throws Exception {
        Connections connections = new Connections(db.target(), "test");
        MigrationLock holder = new MigrationLock(connections.open());
        holder.acquire(Duration.ofSeconds(5), event -> { });
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try (MigrationLock waiter = new MigrationLock(connections.open())) {
                waiter.acquire(Duration.ofSeconds(30), events::add);
                assertThat(waiter.isHeld()).isTrue();
            }
        });
        Thread.sleep(400);
        holder.close();
        waiting.get();

        assertThat(events).hasAtLeastOneElementOfType(MigrationEvent.LockWaiting.class);
        assertThat(events).last().isInstanceOfSatisfying(MigrationEvent.LockAcquired.class,
                acquired -> assertThat(acquired.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(300)));
    }

    @Test
    void aLongWaitWakesUpToReportProgressAgain(TestDatabase db) {
        Connections connections = new Connections(db.target(), "test");
        try (MigrationLock holder = new MigrationLock(connections.open())) {
            holder.acquire(Duration.ofSeconds(5), event -> { });
            List<MigrationEvent> events = new CopyOnWriteArrayList<>();

            catchThrowableOfType(MigrateException.class, () -> {
                try (MigrationLock waiter = new MigrationLock(connections.open(), JournalScope.DATABASE,
                        Duration.ofMillis(200))) {
                    waiter.acquire(Duration.ofMillis(900), events::add);
                }
            });

            assertThat(events).filteredOn(MigrationEvent.LockWaiting.class::isInstance).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(event -> assertThat(((MigrationEvent.LockWaiting) event).holder()).contains("test"));
        }
    }

    @Test
    void closingTheConnectionFreesTheLock(TestDatabase db) {
        Connections connections = new Connections(db.target(), "test");
        MigrationLock first = new MigrationLock(connections.open());
        first.acquire(Duration.ofSeconds(5), event -> { });
        first.close();

        try (MigrationLock second = new MigrationLock(connections.open())) {
            second.acquire(Duration.ZERO, event -> { });
            assertThat(second.isHeld()).isTrue();
        }
    }

    @Test
    void eachScopeHasItsOwnLockAndEveryKeyStaysInOptasNamespace(TestDatabase db) {
        Connections connections = new Connections(db.target(), "scopes");
        JournalScope tenant = new JournalScope("tenant_001");
        try (MigrationLock database = new MigrationLock(connections.open());
                MigrationLock first = new MigrationLock(connections.open(), tenant);
                MigrationLock other = new MigrationLock(connections.open(), new JournalScope("tenant_002"));
                MigrationLock same = new MigrationLock(connections.open(), tenant)) {
            database.acquire(Duration.ofSeconds(1), event -> { });
            first.acquire(Duration.ofSeconds(1), event -> { });
            other.acquire(Duration.ofSeconds(1), event -> { });
            MigrateException busy = catchThrowableOfType(MigrateException.class,
                    () -> same.acquire(Duration.ofMillis(300), event -> { }));

            assertThat(busy.code()).isEqualTo(CoreErrorCode.LOCK_TIMEOUT);
            assertThat(first.key()).isNotEqualTo(other.key()).isNotEqualTo(database.key());
            assertThat(first.key() >>> 32).isEqualTo(MigrationLock.KEY >>> 32);
        }
    }
}

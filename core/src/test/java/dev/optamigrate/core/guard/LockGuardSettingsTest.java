package dev.optamigrate.core.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.SettingsLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockGuardSettingsTest {
    @TempDir
    Path directory;

    @Test
    void theDefaultsGuardWithAOneSecondLockTimeout() {
        LockGuard guard = LockGuard.from(SettingsLoader.load(Map.of(), Map.of(), Optional.empty(), directory));

        assertThat(guard).isEqualTo(LockGuard.DEFAULTS);
        assertThat(guard.sessionSettings()).containsExactly(Map.entry("lock_timeout", "1000"));
    }

    @Test
    void zeroTurnsTheGuardOffAndLeavesTheServersSettingsAlone() {
        LockGuard guard = LockGuard.from(SettingsLoader.load(Map.of(), Map.of("OPTA_MIGRATE_LOCK_TIMEOUT", "0",
                "OPTA_MIGRATE_STATEMENT_TIMEOUT", "15m"), Optional.empty(), directory));

        assertThat(guard.enabled()).isFalse();
        assertThat(guard.sessionSettings()).containsExactly(Map.entry("statement_timeout", "900000"));
    }

    @Test
    void cancelBlockersTakesOnlyIdleInTransactionWithAnAge() {
        LockGuard guard = LockGuard.from(SettingsLoader.load(Map.of(), Map.of("OPTA_MIGRATE_CANCEL_BLOCKERS",
                "idle-in-transaction>5m"), Optional.empty(), directory));
        assertThat(guard.cancelIdleBlockers()).contains(Duration.ofMinutes(5));

        assertThatThrownBy(() -> LockGuard.from(SettingsLoader.load(Map.of(), Map.of("OPTA_MIGRATE_CANCEL_BLOCKERS",
                "active>1m"), Optional.empty(), directory)))
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
                    assertThat(failure.getMessage()).contains("OPTA_MIGRATE_CANCEL_BLOCKERS")
                            .contains("idle-in-transaction>AGE");
                });
    }
}

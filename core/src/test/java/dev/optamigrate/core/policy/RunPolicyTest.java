package dev.optamigrate.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.MigrationEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standby and windows, with the time set by a fixed clock. */
class RunPolicyTest {
    private static final MaintenanceWindows NIGHTS = MaintenanceWindows.parse("Mon-Fri 01:00-05:00 UTC", "test");
    private static final Optional<Collection<String>> PENDING = Optional.of(List.of("V5__index_orders.sql"));

    @TempDir
    Path dir;

    private final List<MigrationEvent> events = new ArrayList<>();

    @Test
    void outsideTheWindowsTheRunIsRefusedAndTheNextOpeningNamed() {
        RunPolicy policy = new RunPolicy(null, NIGHTS, null, null, at("2026-12-02T14:00:00Z"));

        assertThatThrownBy(() -> check(policy)).isInstanceOfSatisfying(MigrateException.class,
                failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.OUTSIDE_WINDOW);
                    assertThat(failure.getMessage()).contains("outside the maintenance windows (Mon-Fri 01:00-05:00 "
                            + "UTC)", "The next one opens Thu 2026-12-03 01:00 UTC, in 11h00m", "Nothing was changed");
                    assertThat(failure.hint()).contains("--outside-window");
                });
    }

    @Test
    void insideTheWindowItRunsUnlessTheEstimateDoesNotFit() throws Exception {
        Path estimate = dir.resolve("verify.json");
        Files.writeString(estimate, "{\"statements\": [{\"file\": \"V5__index_orders.sql\", \"elapsedMs\": 40, "
                + "\"locks\": [{\"estimate\": {\"durationMs\": 5400000}}]}, {\"file\": \"V4__other.sql\", "
                + "\"elapsedMs\": 99999999}]}");

        assertThat(check(new RunPolicy(null, NIGHTS, null, null, at("2026-12-02T04:00:00Z"))))
                .isEmpty();
        assertThatThrownBy(() -> check(new RunPolicy(null, NIGHTS, null, estimate, at("2026-12-02T04:00:00Z"))))
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.OUTSIDE_WINDOW);
                    assertThat(failure.getMessage()).contains("estimated at 1h30m", "closes Wed 2026-12-02 05:00 UTC, "
                            + "in 1h00m");
                });
        assertThat(check(new RunPolicy(null, NIGHTS, null, estimate, at("2026-12-02T02:00:00Z")))).isEmpty();
    }

    @Test
    void aReasonLetsItRunOutsideAndSaysSo() {
        RunPolicy policy = new RunPolicy(null, NIGHTS, "hotfix for INC-4711", null, at("2026-12-02T14:00:00Z"));

        assertThat(check(policy)).contains("hotfix for INC-4711");
        assertThat(events).singleElement().isInstanceOfSatisfying(MigrationEvent.Warning.class, warning ->
                assertThat(warning.message()).contains("outside the maintenance windows", "Running anyway: hotfix "
                        + "for INC-4711"));
    }

    @Test
    void aTargetThatRequiresStandbyRefusesARunWithoutOne() {
        RunPolicy required = new RunPolicy(RunPolicy.REQUIRED, MaintenanceWindows.ANY_TIME, null, null,
                Clock.systemUTC());

        assertThatThrownBy(() -> check(required)).isInstanceOfSatisfying(MigrateException.class,
                failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
                    assertThat(failure.getMessage()).contains("requires a person on standby");
                    assertThat(failure.hint()).contains("--standby");
                });
        assertThat(required.person()).isEmpty();
        assertThat(new RunPolicy("alice (@alice on Slack)", MaintenanceWindows.ANY_TIME, null, null,
                Clock.systemUTC()).person()).contains("alice (@alice on Slack)");
    }

    @Test
    void withoutAnEstimateFileTheDurationsMeasuredOnAnEarlierEnvironmentAreTheEstimate() {
        RunPolicy policy = new RunPolicy(null, NIGHTS, null, null, at("2026-12-02T04:30:00Z"));
        Estimate staging = new Estimate(Duration.ofMinutes(45), "the durations in staging's journal");

        assertThatThrownBy(() -> policy.check(PENDING, Optional.of(staging), events::add))
                .isInstanceOfSatisfying(MigrateException.class, failure -> assertThat(failure.getMessage())
                        .contains("estimated at 45m00s (from the durations in staging's journal)", "in 30m00s"));
        assertThat(policy.check(PENDING, Optional.of(new Estimate(Duration.ofMinutes(20), "staging")),
                events::add)).isEmpty();
    }

    private Optional<String> check(RunPolicy policy) {
        return policy.check(PENDING, Optional.empty(), events::add);
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}

package dev.optamigrate.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.MigrateException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void readsTheUsualForms() {
        assertThat(Durations.parse("500ms", "x")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s", "x")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("1h30m", "x")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("PT10M", "x")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("0", "x")).isZero();
    }

    @Test
    void refusesNumbersWithoutUnit() {
        assertThatThrownBy(() -> Durations.parse("30", "lock-wait")).isInstanceOf(MigrateException.class)
                .hasMessageContaining("lock-wait");
    }

    @Test
    void refusesDurationsThatOverflowOrExceedAYear() {
        for (String tooLong : new String[] {"99999999999999999999h", "9223372036854775807d", "366d", "PT9000H"}) {
            assertThatThrownBy(() -> Durations.parse(tooLong, "lock-wait")).as(tooLong)
                    .isInstanceOf(MigrateException.class).hasMessageContaining("lock-wait")
                    .hasMessageContaining("outside 0 to 365 days");
        }
        assertThat(Durations.parse("365d", "x")).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void formatsForPeople() {
        assertThat(Durations.format(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(Durations.format(Duration.ofMillis(12_340))).isEqualTo("12.3s");
        assertThat(Durations.format(Duration.ofSeconds(245))).isEqualTo("4m05s");
        assertThat(Durations.format(Duration.ofMinutes(660))).isEqualTo("11h00m");
        assertThat(Durations.format(Duration.ofHours(51))).isEqualTo("2d03h");
    }
}

package dev.optamigrate.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void pausesDoubleFromTheFirstUpToThirtySecondsBetweenHalfAndAllOfThat() {
        RetrySchedule lowest = new RetrySchedule(Duration.ofSeconds(1), () -> 0.0);
        RetrySchedule highest = new RetrySchedule(Duration.ofSeconds(1), () -> 0.999_999);

        assertThat(lowest.pause(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(highest.pause(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(lowest.pause(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(highest.pause(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(lowest.pause(10)).isEqualTo(Duration.ofSeconds(15));
        assertThat(highest.pause(10)).isEqualTo(RetrySchedule.LONGEST);
        assertThat(highest.pause(60)).isEqualTo(RetrySchedule.LONGEST);
    }
}

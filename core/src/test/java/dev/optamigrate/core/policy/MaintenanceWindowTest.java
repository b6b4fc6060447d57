package dev.optamigrate.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Windows as people write them, judged across days, overnight and daylight-saving changes (java.time's rules). */
class MaintenanceWindowTest {
    private static final MaintenanceWindows WEEKDAY_NIGHTS = MaintenanceWindows.parse(
            "Mon-Fri 01:00-05:00 Europe/Berlin; Sat,Sun 22:00-02:00 Europe/Berlin", "test");

    @Test
    void aWeekdayNightIsOpenAndTheAfternoonIsNot() {
        assertThat(WEEKDAY_NIGHTS.openingAt(at("2026-12-02T02:30:00+01:00"))).hasValueSatisfying(opening ->
                assertThat(opening.end().toString()).startsWith("2026-12-02T05:00+01:00"));
        assertThat(WEEKDAY_NIGHTS.openingAt(at("2026-12-02T14:00:00+01:00"))).isEmpty();
        assertThat(WEEKDAY_NIGHTS.nextAfter(at("2026-12-02T14:00:00+01:00")).start().toString())
                .startsWith("2026-12-03T01:00+01:00");
    }

    @Test
    void anOvernightWindowBelongsToTheDayItOpens() {
        assertThat(WEEKDAY_NIGHTS.openingAt(at("2026-12-06T01:30:00+01:00"))).as("Sunday 01:30, opened Saturday")
                .hasValueSatisfying(opening -> assertThat(opening.start().getDayOfWeek().name())
                        .isEqualTo("SATURDAY"));
        assertThat(WEEKDAY_NIGHTS.nextAfter(at("2026-12-04T06:00:00+01:00")).start().toString())
                .as("Friday morning: next is Saturday night").startsWith("2026-12-05T22:00+01:00");
    }

    @Test
    void theSpringGapAndTheAutumnRepeatFollowTheZonesRules() {
        MaintenanceWindow night = MaintenanceWindow.parse("daily 02:30-04:00 Europe/Berlin", "test");

        MaintenanceWindow.Opening spring = night.nextAfter(at("2026-03-29T00:00:00+01:00"));
        assertThat(spring.start().toString()).as("02:30 does not exist that night").startsWith(
                "2026-03-29T03:30+02:00");
        assertThat(Duration.between(spring.start(), spring.end())).isEqualTo(Duration.ofMinutes(30));
        MaintenanceWindow.Opening autumn = night.nextAfter(at("2026-10-25T00:00:00+02:00"));
        assertThat(Duration.between(autumn.start(), autumn.end())).as("02:30 CEST to 04:00 CET")
                .isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void whatCannotBeReadIsNamedWithTheForm() {
        assertThatThrownBy(() -> MaintenanceWindows.parse("weekdays 01:00-05:00 UTC", "windows (from test)"))
                .hasMessageContaining("'weekdays' is not a day").hasMessageContaining("from windows (from test)");
        assertThatThrownBy(() -> MaintenanceWindow.parse("Mon 01:00-05:00 Mars/Olympus", "test"))
                .hasMessageContaining("is not a time zone");
        assertThatThrownBy(() -> MaintenanceWindow.parse("Mon 1am-5am UTC", "test"))
                .hasMessageContaining("DAYS HH:MM-HH:MM ZONE");
        assertThatThrownBy(() -> MaintenanceWindow.parse("Mon 25:00-05:00 UTC", "test"))
                .hasMessageContaining("a time is not HH:MM");
    }

    private static Instant at(String time) {
        return ZonedDateTime.parse(time).toInstant();
    }
}

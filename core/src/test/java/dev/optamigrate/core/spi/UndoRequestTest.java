package dev.optamigrate.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import org.junit.jupiter.api.Test;

class UndoRequestTest {
    @Test
    void everythingBecomesTheNumberApplied() {
        assertThat(UndoRequest.everything().against(5)).isEqualTo(UndoRequest.steps(5));
    }

    @Test
    void stepsWithinWhatIsAppliedStayAsTheyAre() {
        assertThat(UndoRequest.steps(3).against(3)).isEqualTo(UndoRequest.steps(3));
        assertThat(UndoRequest.toTag("v1").against(0)).isEqualTo(UndoRequest.toTag("v1"));
    }

    @Test
    void moreStepsThanAppliedOrNothingAppliedIsRefused() {
        MigrateException tooMany = catchThrowableOfType(MigrateException.class, () -> UndoRequest.steps(99).against(4));
        assertThat(tooMany.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(tooMany.getMessage()).contains("99", "only 4");

        MigrateException none = catchThrowableOfType(MigrateException.class, () -> UndoRequest.everything().against(0));
        assertThat(none.getMessage()).contains("no migration is applied");
    }
}

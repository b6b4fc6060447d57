package dev.optamigrate.strategy.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.error.ErrorCodes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellExtensionTest {

    @Test
    void serviceLoaderFindsTheModulesCodesAndSettings() {
        assertThat(ErrorCodes.all()).containsAll(List.of(ShellErrorCode.values()));
    }
}

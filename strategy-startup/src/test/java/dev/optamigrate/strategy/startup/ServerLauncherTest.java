package dev.optamigrate.strategy.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerLauncherTest {
    @Test
    void returnsTheServerExitCode() {
        assertThat(ServerLauncher.run(List.of("sh", "-c", "exit 7"))).isEqualTo(7);
    }

    @Test
    void missingCommandIsAConfigurationError() {
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> ServerLauncher.run(List.of("no-such-server-binary")));
        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).contains("no-such-server-binary");
    }
}

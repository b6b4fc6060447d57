package dev.optamigrate.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.spi.Extension;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorCodesTest {
    /** A plugin's own codes, one of which takes the engine's exit code 5. */
    enum PluginCode implements ErrorCode {
        QUOTA_EXCEEDED(40, "the plugin's quota is used up", "Wait for the quota to refill."),
        LOCK_CLASH(5, "a plugin code that takes the engine's exit code 5", "none");

        private final Definition definition;

        PluginCode(int exitCode, String summary, String hint) {
            this.definition = new Definition(exitCode, summary, hint);
        }

        @Override
        public Definition definition() {
            return definition;
        }
    }

    @Test
    void serviceLoaderFindsTheEngineCodesOrderedByExitCode() {
        assertThat(ErrorCodes.all()).containsAll(List.of(CoreErrorCode.values()));
        assertThat(ErrorCodes.all()).extracting(ErrorCode::exitCode).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aPluginAddsItsOwnCodes() {
        Extension plugin = new Extension() {
            @Override
            public List<ErrorCode> errorCodes() {
                return List.of(PluginCode.QUOTA_EXCEEDED);
            }
        };

        assertThat(ErrorCodes.of(List.of(engine(), plugin))).contains(PluginCode.QUOTA_EXCEEDED)
                .containsAll(List.of(CoreErrorCode.values()));
    }

    @Test
    void twoCodesWithOneExitCodeAreRefusedNamingBoth() {
        Extension clashing = new Extension() {
            @Override
            public List<ErrorCode> errorCodes() {
                return List.of(PluginCode.LOCK_CLASH);
            }
        };

        assertThatThrownBy(() -> ErrorCodes.of(List.of(engine(), clashing)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Exit code 5").hasMessageContaining("LOCK_TIMEOUT")
                .hasMessageContaining("LOCK_CLASH");
    }

    private static Extension engine() {
        return new Extension() {
            @Override
            public List<ErrorCode> errorCodes() {
                return List.of(CoreErrorCode.values());
            }
        };
    }
}

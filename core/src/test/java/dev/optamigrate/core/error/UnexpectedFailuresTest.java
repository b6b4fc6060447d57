package dev.optamigrate.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import org.junit.jupiter.api.Test;

/**
 * A permission problem deep in a tool is the user's to fix, not a bug. (The build runs as root, which may read
 * anything, so the mapping is tested here rather than with a real unreadable directory.)
 */
class UnexpectedFailuresTest {
    @Test
    void aFileThatMayNotBeReadIsAConfigurationError() {
        MigrateException failure = UnexpectedFailures.translate(new IllegalStateException("scan failed",
                new UncheckedIOException(new AccessDeniedException("/srv/db/migration/V1__a.sql"))));

        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).contains("Permission denied", "/srv/db/migration/V1__a.sql");
        assertThat(failure.hint()).contains("chmod");
    }

    @Test
    void anythingElseIsABug() {
        assertThat(UnexpectedFailures.translate(new IllegalStateException("boom")).code())
                .isEqualTo(CoreErrorCode.INTERNAL);
    }
}

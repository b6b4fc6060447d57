package dev.optamigrate.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExitCleanupTest {
    @Test
    void runsOnceHoweverOftenItIsClosed() {
        AtomicInteger runs = new AtomicInteger();
        ExitCleanup cleanup = new ExitCleanup("test-cleanup", runs::incrementAndGet);

        cleanup.close();
        cleanup.close();

        assertThat(runs).hasValue(1);
    }
}

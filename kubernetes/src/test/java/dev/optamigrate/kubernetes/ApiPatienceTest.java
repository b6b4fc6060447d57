package dev.optamigrate.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.kubernetes.testing.FakeCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An API server that is restarting or overloaded answers 503 or 429 for a while (the client's own two retries
 * cover about 0.3 s); a wait must ride that out, and give up only after a bounded time.
 */
class ApiPatienceTest {
    private static final String NAMESPACE_PATH = "/api/v1/namespaces/shop";

    private final FakeCluster cluster = FakeCluster.start();
    private final List<String> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void namespace() {
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop")
                .endMetadata().build()).create();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aBurstOf503sAnd429sIsRiddenOut() {
        cluster.failNext(request -> request.getPath().equals(NAMESPACE_PATH), 503, 6);
        cluster.failNext(request -> request.getPath().equals(NAMESPACE_PATH), 429, 3);

        String name = new ApiPatience(Duration.ofSeconds(30), notices::add).call("read namespace shop",
                () -> cluster.client().namespaces().withName("shop").get().getMetadata().getName());

        assertThat(name).isEqualTo("shop");
        assertThat(notices).isNotEmpty().allMatch(notice -> notice.startsWith("The Kubernetes API failed to read "
                + "namespace shop (HTTP"));
    }

    @Test
    void anOutageLongerThanTheBudgetEndsTheWaitAndSaysForHowLong() {
        cluster.failNext(request -> request.getPath().equals(NAMESPACE_PATH), 503, 10_000);

        assertThatThrownBy(() -> new ApiPatience(Duration.ofSeconds(1), notices::add).call("read namespace shop",
                () -> cluster.client().namespaces().withName("shop").get())).isInstanceOfSatisfying(
                        MigrateException.class, failure -> {
                            assertThat(failure.code()).isEqualTo(KubernetesErrorCode.KUBERNETES_UNAVAILABLE);
                            assertThat(failure.getMessage()).contains("HTTP 503").contains("kept failing for 1 s");
                        });
    }

    @Test
    void aRefusalIsNotRetried() {
        cluster.failNext(request -> request.getPath().equals(NAMESPACE_PATH), 403, 1);

        assertThatThrownBy(() -> new ApiPatience(Duration.ofSeconds(30), notices::add).call("read namespace shop",
                () -> cluster.client().namespaces().withName("shop").get())).isInstanceOfSatisfying(
                        MigrateException.class, failure -> assertThat(failure.code())
                                .isEqualTo(KubernetesErrorCode.KUBERNETES_FORBIDDEN));
        assertThat(notices).isEmpty();
    }

    /** Ctrl-C during a wait is an interruption, exit 130, not a bug in opta-migrate. */
    @Test
    void anInterruptedWaitSaysSo() throws InterruptedException {
        cluster.failNext(request -> request.getPath().equals(NAMESPACE_PATH), 503, 10_000);
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        Thread waiting = new Thread(() -> {
            try {
                new ApiPatience(Duration.ofSeconds(30), notices::add).call("read namespace shop",
                        () -> cluster.client().namespaces().withName("shop").get());
            } catch (RuntimeException failure) {
                thrown.add(failure);
            }
        });
        waiting.start();
        while (notices.isEmpty()) {
            Thread.sleep(20);
        }
        waiting.interrupt();
        waiting.join(10_000);

        assertThat(thrown).singleElement().isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(CoreErrorCode.INTERRUPTED);
            assertThat(failure.exitCode()).isEqualTo(130);
        });
    }
}

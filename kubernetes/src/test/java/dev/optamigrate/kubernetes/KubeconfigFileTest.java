package dev.optamigrate.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.error.MigrateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kubeconfig's own problems are named as such, not as an unreachable API server. */
class KubeconfigFileTest {
    private static final String CLUSTER = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster:
                server: https://127.0.0.1:6443
            contexts:
            - name: ctx
              context:
                cluster: c
                user: u
            """;

    @TempDir
    Path dir;

    @Test
    void aDirectoryOrADeviceIsNamedForWhatItIs() {
        assertThat(refusal(() -> KubeconfigFile.read(dir))).contains("is a directory");
        assertThat(refusal(() -> KubeconfigFile.read(Path.of("/dev/zero")))).contains("is not a regular file");
        assertThat(refusal(() -> KubeconfigFile.read(dir.resolve("none")))).contains("does not exist");
    }

    @Test
    void aKubeconfigWithoutACurrentContextSaysSo() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), CLUSTER + "users:\n- name: u\n  user:\n    token: t\n");

        String message = refusal(() -> KubeconfigFile.read(file).checkUsable(null, Map.of()));

        assertThat(message).contains("has no current context");
        KubeconfigFile.read(file).checkUsable("ctx", Map.of());
    }

    @Test
    void anEmptyKubeconfigOrOneWithoutContextsSaysSo() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "");
        assertThat(refusal(() -> KubeconfigFile.read(empty).checkUsable("ctx", Map.of()))).contains("is empty");

        Path bare = Files.writeString(dir.resolve("bare"), "apiVersion: v1\nkind: Config\n");
        assertThat(refusal(() -> KubeconfigFile.read(bare).checkUsable(null, Map.of())))
                .contains("has no current context");
        KubeconfigFile.read(bare).checkUsable("ctx", Map.of());
    }

    @Test
    void aMissingCredentialPluginIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), CLUSTER + "current-context: ctx\nusers:\n- name: u\n"
                + "  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
                + "      command: no-such-credential-plugin\n");

        String message = refusal(() -> KubeconfigFile.read(file).checkUsable(null, Map.of("PATH", "/usr/bin")));

        assertThat(message).contains("plugin 'no-such-credential-plugin'", "not installed or not on PATH");
    }

    @Test
    void aPluginOnThePathIsFine() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), CLUSTER + "current-context: ctx\nusers:\n- name: u\n"
                + "  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: sh\n");

        KubeconfigFile.read(file).checkUsable(null, Map.of("PATH", "/usr/bin:/bin"));
    }

    private static String refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        MigrateException failure = catchThrowableOfType(MigrateException.class, call);
        assertThat(failure.code()).isEqualTo(KubernetesErrorCode.KUBERNETES_UNAVAILABLE);
        return failure.getMessage();
    }
}

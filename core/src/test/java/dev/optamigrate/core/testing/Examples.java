package dev.optamigrate.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The repository's example migration sets, and copies of them that a test may change. */
public final class Examples {
    private Examples() {
    }

    /** The example directory for a tool, e.g. {@code flyway}, found from any module's working directory. */
    public static Path of(String tool) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples").resolve(tool);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/" + tool + " not found above " + Path.of("").toAbsolutePath());
    }

    /** A copy of an example set in {@code target}, for tests that add or change migrations. */
    public static Path copy(String tool, Path target) {
        try (Stream<Path> files = Files.list(of(tool))) {
            Files.createDirectories(target);
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

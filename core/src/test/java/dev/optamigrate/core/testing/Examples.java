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

    /** A copy of an example set (subdirectories included) in {@code target}, for tests that change it. */
    public static Path copy(String tool, Path target) {
        return copyTree(of(tool), target);
    }

    /** A copy of a directory tree in {@code target}. */
    public static Path copyTree(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.optamigrate.tool.flyway;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.NewMigration;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes new migrations as Flyway {@code V<n>__<name>.sql} files in a location directory, numbered after the
 * highest version there (its first number, plus one); a migration that cannot run in a transaction gets its
 * script config file, {@code V<n>__<name>.sql.conf} with {@code executeInTransaction=false}.
 */
final class FlywayWriter {
    private static final Pattern VERSION = Pattern.compile("V([0-9]+)(?:[._][0-9._]*)?__.+\\.(?i:sql)");

    private FlywayWriter() {
    }

    static List<Path> write(String location, List<NewMigration> migrations) {
        if (location.startsWith("classpath:")) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot write migrations into the classpath "
                    + "location '" + location + "'.", "Give the source directory instead, e.g. --location "
                            + "src/main/resources/db/migration.", null);
        }
        Path directory = Path.of(location.startsWith("filesystem:") ? location.substring("filesystem:".length())
                : location);
        if (!Files.isDirectory(directory)) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Migration location '" + location + "' is not a "
                    + "directory.", "Point --location at the directory of the V<n>__*.sql files.", null);
        }
        try {
            BigInteger next = highestVersion(directory).add(BigInteger.ONE);
            List<Path> written = new ArrayList<>();
            for (NewMigration migration : migrations) {
                Path file = directory.resolve("V" + next + "__" + migration.name() + ".sql");
                Files.writeString(file, migration.script(), StandardCharsets.UTF_8);
                written.add(file);
                if (!migration.transactional()) {
                    Path config = Path.of(file + ".conf");
                    Files.writeString(config, "executeInTransaction=false\n", StandardCharsets.UTF_8);
                    written.add(config);
                }
                next = next.add(BigInteger.ONE);
            }
            return written;
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot write into '" + location + "': "
                    + e.getMessage(), "Check that the directory is writable.", e);
        }
    }

    private static BigInteger highestVersion(Path directory) throws IOException {
        BigInteger highest = BigInteger.ZERO;
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher version = VERSION.matcher(file.getFileName().toString());
                if (version.matches()) {
                    highest = highest.max(new BigInteger(version.group(1)));
                }
            }
        }
        return highest;
    }
}

package dev.optamigrate.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.PendingMigration;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * How long the pending migrations will take, from what {@code verify --output json} wrote: per statement, the
 * estimate on the target's table sizes where it has one, else the time measured on the shadow.
 */
public final class EstimateFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EstimateFile() {
    }

    /**
     * @param pending the pending migrations' files or changesets, to leave out statements of others
     * @return the sum, or empty when the file has no statement of these migrations
     */
    public static Optional<Duration> read(Path file, Collection<String> pending) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot read the estimate file " + file + ": "
                    + e.getMessage(), "Give the file that `opta-migrate verify --output json` wrote.", e);
        }
        JsonNode statements = root.path("statements");
        if (!statements.isArray()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The estimate file " + file + " has no "
                    + "\"statements\".", "Give the file that `opta-migrate verify --output json` wrote.", null);
        }
        long millis = 0;
        boolean any = false;
        for (JsonNode statement : statements) {
            String name = statement.path("file").asText();
            if (pending.stream().noneMatch(script -> PendingMigration.sameFile(name, script))) {
                continue;
            }
            any = true;
            long estimated = 0;
            for (JsonNode lock : statement.path("locks")) {
                estimated += lock.path("estimate").path("durationMs").asLong(0);
            }
            millis += Math.max(estimated, statement.path("elapsedMs").asLong(0));
        }
        return any ? Optional.of(Duration.ofMillis(millis)) : Optional.empty();
    }
}

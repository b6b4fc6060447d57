package dev.optamigrate.core.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an environment applied, as a file a pipeline carries to the next environment: the environment, its latest
 * release, when it was written, and each migration with its checksum. It names no server and holds no secret.
 *
 * @param environment the environment it comes from
 * @param release     the release of the newest migration, or {@code null}
 * @param exportedAt  when it was written
 * @param migrations  the migrations applied, oldest first
 */
public record Receipt(String environment, String release, Instant exportedAt, List<AppliedRecord> migrations) {
    /** What the file says it is, so that another JSON file is not mistaken for a receipt. */
    static final String FORMAT = "opta-migrate-receipt/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Receipt {
        migrations = List.copyOf(migrations);
    }

    /**
     * The receipt of what a journal recorded, now.
     *
     * @param named the environment as the user named it; else the one the journal recorded with every migration
     * @throws MigrateException {@code CONFIGURATION} when no environment is named and the journal records none, or
     *                          more than one
     */
    public static Receipt of(Optional<String> named, List<AppliedRecord> migrations) {
        Set<String> recorded = migrations.stream().map(AppliedRecord::environment).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        String environment = named.orElseGet(() -> {
            if (recorded.size() != 1) {
                throw new MigrateException(CoreErrorCode.CONFIGURATION, "A receipt names its environment, and "
                        + (recorded.isEmpty() ? "the journal records none" : "the journal records several: "
                                + String.join(", ", recorded)) + ".", "Give "
                                        + CoreSetting.ENVIRONMENT.names() + ", e.g. --environment staging.", null);
            }
            return recorded.iterator().next();
        });
        String release = migrations.isEmpty() ? null : migrations.get(migrations.size() - 1).release();
        return new Receipt(environment, release, Instant.now(), migrations);
    }

    /** Writes the receipt to a file. */
    public void write(Path file) {
        try {
            Files.writeString(file, json());
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot write the receipt " + file + ": "
                    + e.getMessage(), "Give a path in a directory that exists and can be written.", e);
        }
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("environment", environment)
                .put("release", release).put("exportedAt", exportedAt.toString());
        ArrayNode list = root.putArray("migrations");
        for (AppliedRecord migration : migrations) {
            list.addObject().put("tool", migration.tool()).put("version", migration.version())
                    .put("script", migration.script()).put("checksum", migration.checksum())
                    .put("release", migration.release()).put("appliedAt", migration.appliedAt().toString())
                    .put("durationMs", migration.duration().toMillis());
        }
        return root.toPrettyString() + System.lineSeparator();
    }

    /** Reads a receipt file. */
    public static Receipt read(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw unreadable(file, "it is not an opta-migrate receipt (no \"format\": \"" + FORMAT + "\")", null);
            }
            String environment = root.path("environment").asText();
            List<AppliedRecord> migrations = new ArrayList<>();
            for (JsonNode migration : root.path("migrations")) {
                migrations.add(new AppliedRecord(migration.path("tool").asText(), text(migration, "version"),
                        migration.path("script").asText(), migration.path("checksum").asText(),
                        text(migration, "release"), environment, Instant.parse(migration.path("appliedAt").asText()),
                        Duration.ofMillis(migration.path("durationMs").asLong())));
            }
            return new Receipt(environment, text(root, "release"), Instant.parse(root.path("exportedAt").asText()),
                    migrations);
        } catch (IOException | DateTimeParseException e) {
            throw unreadable(file, e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.path(field).asText() : null;
    }

    private static MigrateException unreadable(Path file, String why, Exception cause) {
        return new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot read the receipt " + file + ": " + why,
                "Give the file that `opta-migrate history --receipt FILE` wrote on the rehearsal environment.", cause);
    }
}

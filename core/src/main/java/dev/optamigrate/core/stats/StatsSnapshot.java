package dev.optamigrate.core.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code stats export} read from a target, written as a small JSON file ({@value #FORMAT}) that a check in CI
 * can use without reaching production: the server's major version, and each user table's and index's figures.
 *
 * @param format        {@value #FORMAT}
 * @param serverVersion the server's major version, e.g. 16
 * @param takenAt       when the sample ended, ISO-8601
 * @param sampleSeconds how long the write rates were sampled
 * @param tables        the user tables
 * @param indexes       their indexes
 * @param applied       the migrations the target's history lists (version, or script for a repeatable one), so
 *                      {@code verify} knows what is pending; null when exported without a location
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatsSnapshot(String format, int serverVersion, String takenAt, double sampleSeconds,
        List<TableStats> tables, List<IndexStats> indexes, List<String> applied) {
    public static final String FORMAT = "opta-migrate-stats/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public StatsSnapshot {
        tables = List.copyOf(tables);
        indexes = List.copyOf(indexes);
        applied = applied == null ? null : List.copyOf(applied);
    }

    /** The same figures, with the migrations the target's history lists. */
    public StatsSnapshot withApplied(List<String> migrations) {
        return new StatsSnapshot(format, serverVersion, takenAt, sampleSeconds, tables, indexes, migrations);
    }

    /** The table of this name (a migration names it, folded as PostgreSQL folds it), in any schema. */
    public Optional<TableStats> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** The table an index of this name belongs to. */
    public Optional<TableStats> tableOfIndex(String index) {
        return indexes.stream().filter(candidate -> candidate.name().equals(index)).findFirst()
                .flatMap(found -> tables.stream().filter(table -> table.schema().equals(found.schema())
                        && table.name().equals(found.table())).findFirst());
    }

    public void write(Path file) {
        try {
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot write the stats file " + file + ": "
                    + e.getMessage(), "Give a path in a directory you can write to.", e);
        }
    }

    public static StatsSnapshot read(Path file) {
        StatsSnapshot snapshot;
        try {
            snapshot = JSON.readValue(file.toFile(), StatsSnapshot.class);
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot read the stats file " + file + ": "
                    + e.getMessage(), "Give the file that `opta-migrate stats export` wrote.", e);
        }
        if (!FORMAT.equals(snapshot.format())) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The stats file " + file + " is not in the "
                    + FORMAT + " format (it says " + snapshot.format() + ").", "Write it again with "
                            + "`opta-migrate stats export`.", null);
        }
        return snapshot;
    }
}

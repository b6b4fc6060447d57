package dev.optamigrate.tool.flyway;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.AppliedMigration;
import dev.optamigrate.core.spi.MigrationInfo;
import dev.optamigrate.core.spi.MigrationSession;
import dev.optamigrate.core.spi.MigrationState;
import dev.optamigrate.core.spi.PendingMigration;
import dev.optamigrate.core.spi.ToolStatus;
import dev.optamigrate.core.spi.ValidationResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

/** A Flyway instance on one database and one location. */
final class FlywaySession implements MigrationSession {
    private final FlywayInstances flyways;
    private final Flyway flyway;
    private final FlywayLocation location;
    private final Map<String, String> placeholders;
    /** What the last status read found; pending() reuses it until a migrate changes the schema. */
    private MigrationInfoService lastRead;
    /** What the last pending() listed, until a migrate changes the schema. */
    private List<PendingMigration> lastPending;

    /**
     * @param placeholders the placeholders Flyway replaces in SQL migrations, replaced the same way in the SQL
     *                     that {@link #pending()} lists
     */
    FlywaySession(FlywayInstances flyways, FlywayLocation location, Map<String, String> placeholders) {
        this.flyways = flyways;
        this.flyway = flyways.reading();
        this.location = location;
        this.placeholders = Map.copyOf(placeholders);
    }

    @Override
    public ToolStatus status() {
        MigrationInfoService info = info();
        lastRead = info;
        lastPending = null;
        List<MigrationInfo> applied = new ArrayList<>();
        List<MigrationInfo> pending = new ArrayList<>();
        List<MigrationInfo> failed = new ArrayList<>();
        for (org.flywaydb.core.api.MigrationInfo migration : info.all()) {
            MigrationState state = stateOf(migration);
            if (state == null) {
                continue;
            }
            MigrationInfo converted = new MigrationInfo(versionOf(migration), migration.getDescription(),
                    migration.getScript(), state, installedOn(migration));
            switch (state) {
                case APPLIED, MISSING -> applied.add(converted);
                case PENDING -> pending.add(converted);
                case FAILED -> failed.add(converted);
                case IGNORED -> { }
            }
        }
        org.flywaydb.core.api.MigrationInfo current = info.current();
        return new ToolStatus(FlywayTool.NAME, current == null ? null : versionOf(current), applied, pending, failed);
    }

    @Override
    public List<PendingMigration> pending() {
        if (lastPending == null) {
            lastPending = Arrays.stream(lastOrNewRead().pending()).map(this::pendingOf).toList();
        }
        return lastPending;
    }

    private PendingMigration pendingOf(org.flywaydb.core.api.MigrationInfo migration) {
        String sql = withPlaceholders(location.sqlOf(migration));
        return new PendingMigration(versionOf(migration), migration.getDescription(), migration.getScript(), sql,
                FlywayTransactions.transactional(migration, sql, location.hasScriptConfig(migration)),
                "crc32:" + migration.getChecksum());
    }

    @Override
    public List<AppliedMigration> migrate() {
        boolean everyTransactional = pending().stream().allMatch(PendingMigration::transactional);
        forgetReads();
        try {
            return flyways.migrating(everyTransactional).migrate().migrations.stream().map(FlywaySession::applied)
                    .toList();
        } catch (FlywayException e) {
            throw FlywayFailures.translate(e);
        }
    }

    private MigrationInfoService lastOrNewRead() {
        return lastRead != null ? lastRead : info();
    }

    private void forgetReads() {
        lastRead = null;
        lastPending = null;
    }

    /**
     * Flyway records a migration that failed outside a transaction as failed, and refuses to migrate past it until
     * {@code repair}. Only the failed rows are deleted here: {@code repair} would also realign checksums, which
     * would hide a changed file from validation.
     */
    @Override
    public void forgetFailedAttempt() {
        forgetReads();
        MigrationInfoService info = info();
        if (Arrays.stream(info.all()).noneMatch(migration -> migration.getState().isFailed())) {
            lastRead = info;
            return;
        }
        Configuration configuration = flyway.getConfiguration();
        String schema = configuration.getDefaultSchema() != null ? configuration.getDefaultSchema()
                : configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : null;
        String table = (schema == null ? "" : quoted(schema) + ".") + quoted(configuration.getTable());
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + table + " WHERE NOT success");
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.MIGRATION_FAILED, "Could not remove the failed attempt from "
                    + "Flyway's history table " + table + " before retrying: " + e.getMessage(), "Run `flyway "
                    + "repair`, then run again.", e);
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public ValidationResult validate() {
        ValidateResult result;
        try {
            result = flyway.validateWithResult();
        } catch (FlywayException e) {
            throw FlywayFailures.translate(e);
        }
        List<String> problems = new ArrayList<>();
        for (ValidateOutput invalid : result.invalidMigrations) {
            String what = invalid.version == null || invalid.version.isEmpty() ? invalid.description
                    : invalid.version + " (" + invalid.description + ")";
            problems.add("Migration " + what + ": " + withoutRepairAdvice(invalid.errorDetails.errorMessage));
        }
        if (!result.validationSuccessful && problems.isEmpty() && result.errorDetails != null) {
            problems.add(withoutRepairAdvice(result.errorDetails.errorMessage));
        }
        problems.addAll(newestMissing());
        return new ValidationResult(problems);
    }

    /**
     * Applied migrations newer than every file: Flyway takes them for a newer release's ("future") and does not
     * report them, but a deleted newest file is the same mistake as a deleted middle one.
     */
    private List<String> newestMissing() {
        List<String> problems = new ArrayList<>();
        for (org.flywaydb.core.api.MigrationInfo migration : info().all()) {
            if (migration.getState() == org.flywaydb.core.api.MigrationState.FUTURE_SUCCESS
                    || migration.getState() == org.flywaydb.core.api.MigrationState.FUTURE_FAILED) {
                problems.add("Migration " + versionOf(migration) + " (" + migration.getDescription() + ") was "
                        + "applied, but its file " + migration.getScript() + " is not in the location.");
            }
        }
        return problems;
    }

    /** Flyway advises its own {@code repair}; the hint of {@link ErrorCode#VALIDATION_FAILED} says what to do. */
    private static String withoutRepairAdvice(String message) {
        return String.valueOf(message).lines().filter(line -> !line.contains("run repair"))
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    @Override
    public void requireUndo() {
        throw new MigrateException(CoreErrorCode.UNSUPPORTED, "Flyway's open-source edition has no undo.",
                "Revert the change with a new forward migration (e.g. V<next>__revert_<change>.sql).", null);
    }

    /** The SQL with each configured {@code ${key}} replaced by its value, as Flyway replaces it when it runs. */
    private String withPlaceholders(String sql) {
        String replaced = sql;
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            replaced = replaced.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
        }
        return replaced;
    }

    static String versionOf(org.flywaydb.core.api.MigrationInfo migration) {
        return migration.getVersion() == null ? null : migration.getVersion().getVersion();
    }

    private MigrationInfoService info() {
        try {
            return flyway.info();
        } catch (FlywayException e) {
            throw FlywayFailures.translate(e);
        }
    }

    private static MigrationState stateOf(org.flywaydb.core.api.MigrationInfo migration) {
        org.flywaydb.core.api.MigrationState state = migration.getState();
        if (state.isFailed()) {
            return MigrationState.FAILED;
        }
        if (state.isApplied()) {
            return state.isResolved() ? MigrationState.APPLIED : MigrationState.MISSING;
        }
        return switch (state) {
            case PENDING, OUTDATED -> MigrationState.PENDING;
            case IGNORED -> MigrationState.IGNORED;
            default -> null;
        };
    }

    private static Instant installedOn(org.flywaydb.core.api.MigrationInfo migration) {
        return migration.getInstalledOn() == null ? null : migration.getInstalledOn().toInstant();
    }

    private static AppliedMigration applied(MigrateOutput output) {
        return new AppliedMigration(output.version == null || output.version.isEmpty() ? null : output.version,
                output.description, output.filepath == null ? null : fileName(output.filepath),
                Duration.ofMillis(output.executionTime));
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}

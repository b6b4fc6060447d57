package dev.optamigrate.testkit;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.Finding;
import dev.optamigrate.core.analysis.PendingScripts;
import dev.optamigrate.core.analysis.SafetyMode;
import dev.optamigrate.core.analysis.Severity;
import dev.optamigrate.core.analysis.StaticCheck;
import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.rehearsal.Rehearsal;
import dev.optamigrate.core.rehearsal.RehearsalReport;
import dev.optamigrate.core.rehearsal.Shadow;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.spi.PendingMigration;
import dev.optamigrate.core.spi.ValidationResult;
import dev.optamigrate.core.target.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Assertions on one migration set, each on fresh databases, each failing with what opta-migrate said:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MigrationDatabase POSTGRES = MigrationDatabase.embedded();
 *
 * @Test
 * void migrationsAreSafe() {
 *     POSTGRES.migrations("src/main/resources/db/migration").areSafe();
 * }
 * }</pre>
 *
 * The static check reads each migration on its own, as production sees it: a table an earlier migration created
 * already exists, with data, when a later one changes it. A finding is accepted by a comment in the migration
 * ({@code -- opta-migrate:allow RULE reason}) or by {@link #accepting(String...)}.
 */
public final class MigrationsUnderTest {
    private final MigrationDatabase database;
    private final String location;
    private String tool;
    private Set<String> accepted = Set.of();

    MigrationsUnderTest(MigrationDatabase database, String location) {
        this.database = database;
        this.location = location;
    }

    /** The tool, when the location does not tell ({@code flyway}, {@code liquibase} or {@code mybatis}). */
    public MigrationsUnderTest tool(String name) {
        this.tool = name;
        return this;
    }

    /** Rules whose findings this set accepts everywhere, e.g. {@code "index-not-concurrent"}. */
    public MigrationsUnderTest accepting(String... rules) {
        this.accepted = Set.of(rules);
        return this;
    }

    /** Every check but the rehearsal: the safety check, applied from empty, applied again as a no-op, valid. */
    public MigrationsUnderTest areSafe() {
        return passTheSafetyCheck().applyFromEmptyAndAgainAsANoOp();
    }

    /** The static check finds nothing at error level, besides what is accepted. */
    public MigrationsUnderTest passTheSafetyCheck() {
        Target fresh = database.freshDatabase();
        MigratorConfiguration configuration = configure(fresh);
        List<PendingMigration> pending = call(() -> configuration.load().pending(), "read the migrations");
        CheckReport report;
        try (Connection connection = new Connections(fresh, Connections.applicationName()).open()) {
            report = new StaticCheck(PendingScripts.serverMajorVersion(connection)).underLockGuard(true)
                    .check(PendingScripts.of(pending));
        } catch (SQLException e) {
            throw new AssertionError("Lost the connection to the test database: " + e.getMessage(), e);
        }
        failOn(report.findings(), "The safety check");
        return this;
    }

    /**
     * Applied from empty, then applied again with nothing left to do, and then valid (the tool's checksums and
     * history agree with the files).
     */
    public MigrationsUnderTest applyFromEmptyAndAgainAsANoOp() {
        Target fresh = database.freshDatabase();
        MigrateResult first = call(() -> configure(fresh).load().migrate(), "apply the migrations from empty");
        if (first.applied().isEmpty()) {
            throw new AssertionError("No migration at " + location + " was applied from empty: is it the right "
                    + "location?");
        }
        MigrateResult again = call(() -> configure(fresh).load().migrate(), "apply the migrations again");
        if (!again.upToDate()) {
            throw new AssertionError("Applying the migrations again applied " + again.applied().size()
                    + " more: " + again.applied().stream().map(applied -> applied.script()).toList());
        }
        ValidationResult validation = call(() -> configure(fresh).load().validate(), "validate");
        if (!validation.valid()) {
            throw new AssertionError("The migrations do not validate after they were applied:"
                    + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ",
                            validation.problems()));
        }
        return this;
    }

    /**
     * The rehearsal of {@code opta-migrate verify} on a scratch database: every migration runs there and what it
     * locks and rewrites is measured; a measured finding at error level, besides what is accepted, fails.
     */
    public MigrationsUnderTest passTheRehearsal() {
        RehearsalReport report = call(() -> {
            try (Shadow shadow = Shadow.scratchDatabase(database.server())) {
                return new Rehearsal(target -> configure(target).load(), Optional.empty(), EventListener.NONE)
                        .run(shadow);
            }
        }, "rehearse the migrations");
        failOn(report.findings().findings(), "The rehearsal");
        return this;
    }

    private MigratorConfiguration configure(Target target) {
        MigratorConfiguration configuration = Migrator.configure().target(target).location(location)
                .safety(SafetyMode.OFF);
        return tool == null ? configuration : configuration.tool(tool);
    }

    private void failOn(List<Finding> findings, String what) {
        List<Finding> errors = findings.stream().filter(finding -> finding.severity().atLeast(Severity.ERROR))
                .filter(finding -> !accepted.contains(finding.rule())).toList();
        if (!errors.isEmpty()) {
            throw new AssertionError(what + " of " + location
                    + " found " + errors.size() + " error(s):" + System.lineSeparator() + errors.stream()
                            .map(MigrationsUnderTest::describe).collect(Collectors.joining(System.lineSeparator()))
                    + System.lineSeparator() + "Fix them, or accept one with -- opta-migrate:allow RULE <reason> in "
                    + "the migration.");
        }
    }

    private static String describe(Finding finding) {
        return "  " + finding.file() + ":" + finding.line() + " " + finding.rule() + " (" + finding.severity()
                .name().toLowerCase(Locale.ROOT) + "): " + finding.message() + System.lineSeparator() + "    " + finding
                        .statement() + System.lineSeparator() + "    fix: " + finding.fix();
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> T call(Step<T> step, String what) {
        try {
            return step.run();
        } catch (MigrateException e) {
            throw new AssertionError("Could not " + what + " at " + location + ": " + e.getMessage()
                    + (e.hint() == null ? "" : System.lineSeparator() + "hint: " + e.hint()), e);
        } catch (Exception e) {
            throw new AssertionError("Could not " + what + " at " + location + ": " + e, e);
        }
    }
}

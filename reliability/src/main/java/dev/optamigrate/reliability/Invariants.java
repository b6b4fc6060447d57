package dev.optamigrate.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The invariants, checked straight in the catalog: the tool's history against each migration's change and audit
 * row, invalid indexes, and the journal.
 */
final class Invariants {
    private final String tool;

    Invariants(String tool) {
        this.tool = tool;
    }

    /**
     * Right after the kill: nothing is recorded without its change, nothing twice, and a migration the tool
     * records in the same transaction as its change is either both or neither. MyBatis with {@code auto_commit}
     * records a script after its own {@code COMMIT}, so there the change may be ahead of the record until the
     * next run.
     */
    List<Violation> afterKill(Connection connection) throws SQLException {
        List<Violation> violations = new ArrayList<>();
        Map<Integer, Integer> recorded = ToolHistory.recorded(connection, tool);
        Map<Integer, Integer> audited = audited(connection);
        for (Step step : KillSet.STEPS) {
            int records = recorded.getOrDefault(step.number(), 0);
            int audits = audited.getOrDefault(step.number(), 0);
            twice(violations, step, records, audits);
            if (records > 0 && !effect(connection, step)) {
                violations.add(new Violation(Violation.Kind.RECORDED_WITHOUT_EFFECT, "migration " + step.number()));
            }
            boolean atomic = step.transactional() && !tool.equals("mybatis");
            if (atomic && records == 0 && audits > 0) {
                violations.add(new Violation(Violation.Kind.EFFECT_WITHOUT_RECORD, "migration " + step.number()
                        + " wrote its audit row but is not recorded"));
            }
        }
        return violations;
    }

    /** After the next run: every migration recorded once, with its change, no invalid index, no open journal row. */
    List<Violation> afterRerun(Connection connection) throws SQLException {
        List<Violation> violations = new ArrayList<>();
        Map<Integer, Integer> recorded = ToolHistory.recorded(connection, tool);
        Map<Integer, Integer> audited = audited(connection);
        for (Step step : KillSet.STEPS) {
            int records = recorded.getOrDefault(step.number(), 0);
            twice(violations, step, records, audited.getOrDefault(step.number(), 0));
            if (records == 0) {
                violations.add(new Violation(Violation.Kind.NOT_APPLIED, "migration " + step.number()));
            } else if (!effect(connection, step)) {
                violations.add(new Violation(Violation.Kind.RECORDED_WITHOUT_EFFECT, "migration " + step.number()));
            }
            if (step.transactional() && records > 0 && audited.getOrDefault(step.number(), 0) == 0) {
                violations.add(new Violation(Violation.Kind.RECORDED_WITHOUT_EFFECT, "migration " + step.number()
                        + " has no audit row"));
            }
        }
        for (String index : strings(connection, "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = "
                + "i.indexrelid WHERE NOT i.indisvalid")) {
            violations.add(new Violation(Violation.Kind.INVALID_INDEX, index));
        }
        if (exists(connection, "opta_migrate.opta_migrate_journal")) {
            for (String row : strings(connection, "SELECT id || ' (' || action || ')' FROM "
                    + "opta_migrate.opta_migrate_journal WHERE status = 'RUNNING'")) {
                violations.add(new Violation(Violation.Kind.JOURNAL_RUNNING, "journal row " + row));
            }
        }
        return violations;
    }

    private static void twice(List<Violation> violations, Step step, int records, int audits) {
        if (records > 1 || audits > 1) {
            violations.add(new Violation(Violation.Kind.APPLIED_TWICE, "migration " + step.number() + ": recorded "
                    + records + " times, audit rows " + audits));
        }
    }

    private static Map<Integer, Integer> audited(Connection connection) throws SQLException {
        return ToolHistory.counts(connection, "SELECT step, count(*) FROM " + Step.AUDIT + " GROUP BY step");
    }

    /** Whether a step's change is in the catalog; a query on a relation that does not exist yet answers no. */
    private static boolean effect(Connection connection, Step step) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
                step.effect())) {
            return result.next() && result.getBoolean(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState()) || "42703".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    static boolean exists(Connection connection, String relation) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, relation);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static List<String> strings(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}

package dev.optamigrate.core.fleet;

import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.target.TargetResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a fleet's members come from: a file, one per line, or a query on the base target (the catalog database).
 * A line is a bare name, read as a schema or a database by {@link TargetKind}, or a {@code jdbc:postgresql://} URL
 * for a member on another server (with {@code ?currentSchema=...} for a schema there); blank lines and lines that
 * start with {@code #} are skipped. A query's first column is a bare name per row.
 */
public final class TargetList {
    private TargetList() {
    }

    public static List<FleetTarget> fromFile(Path file, TargetKind kind, Target base) {
        return fromLines(read(file), file.getFileName().toString(), kind, base);
    }

    /**
     * The members that text lists, one per line as in a file: how a pod of the fleet's Indexed Job reads the list
     * the command that made it was given.
     *
     * @param source what holds the text, for messages, e.g. {@code variable OPTA_MIGRATE_FLEET_TARGETS}
     */
    public static List<FleetTarget> fromText(String text, String source, TargetKind kind, Target base) {
        return fromLines(text.lines().toList(), source, kind, base);
    }

    /**
     * The member lines of a file, checked as far as they can be without a database: comments and blank lines
     * dropped, each name once, and no password in a URL (these lines go into a Job's manifest).
     */
    public static List<String> memberLines(Path file) {
        List<String> lines = read(file);
        Map<String, String> members = new LinkedHashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            String source = file.getFileName() + " line " + number;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("jdbc:")) {
                TargetResolver.checkUrl(line, source);
            } else {
                name(line, source);
            }
            if (members.putIfAbsent(line, source) != null) {
                throw named(line, source);
            }
        }
        if (members.isEmpty()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, file + " names no target.", "Give at least one "
                    + "schema, database or JDBC URL.", null);
        }
        return List.copyOf(members.keySet());
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot read the target list " + file + ": "
                    + e.getMessage(), "Give a file with one schema, database or JDBC URL per line.", e);
        }
    }

    private static List<FleetTarget> fromLines(List<String> lines, String sourceName, TargetKind kind, Target base) {
        Map<String, FleetTarget> targets = new LinkedHashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String source = sourceName + " line " + number;
            FleetTarget target = line.startsWith("jdbc:") ? located(TargetResolver.sameCredentialsAt(base, line,
                    source)) : kind.of(name(line, source), base);
            add(targets, target, source);
        }
        return nonEmpty(targets, sourceName);
    }

    /** The names the query's first column gives, read on the base target, read-only. */
    public static List<FleetTarget> fromQuery(String sql, TargetKind kind, Target base) {
        Map<String, FleetTarget> targets = new LinkedHashMap<>();
        try (Connection connection = new Connections(base, Connections.applicationName()).open();
                Statement statement = connection.createStatement()) {
            connection.setReadOnly(true);
            try (ResultSet rows = statement.executeQuery(sql)) {
                int row = 0;
                while (rows.next()) {
                    row++;
                    String source = "the target query's row " + row;
                    String value = rows.getString(1);
                    add(targets, kind.of(name(value == null ? "" : value, source), base), source);
                }
            }
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The target query failed on " + base.describe()
                    + ": " + e.getMessage(), "Give a read-only query whose first column names the targets, e.g. "
                            + "select schema_name from tenants.", e);
        }
        return nonEmpty(targets, "the target query");
    }

    private static String name(String value, String source) {
        if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, source + " (\"" + value + "\") is not a schema "
                    + "or database name.", "Give one name per line, or a jdbc:postgresql:// URL.", null);
        }
        return value;
    }

    private static void add(Map<String, FleetTarget> targets, FleetTarget target, String source) {
        if (targets.putIfAbsent(target.name(), target) != null) {
            throw named(target.name(), source);
        }
    }

    private static MigrateException named(String name, String source) {
        return new MigrateException(CoreErrorCode.CONFIGURATION, source + " names " + name + " again.", "Name each "
                + "target once: two runs of one target would only wait for each other.", null);
    }

    private static List<FleetTarget> nonEmpty(Map<String, FleetTarget> targets, String source) {
        if (targets.isEmpty()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, source + " names no target.", "Give at least "
                    + "one schema, database or JDBC URL.", null);
        }
        return new ArrayList<>(targets.values());
    }

    /** A member given by URL, named by where it is: {@code host:port/database[/schema]}, never by its parameters. */
    private static FleetTarget located(Target target) {
        return new FleetTarget(target.hostAndPort() + "/" + target.database() + target.schema().map(schema -> "/"
                + schema).orElse(""), target);
    }
}

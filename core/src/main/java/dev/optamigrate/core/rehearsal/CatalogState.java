package dev.optamigrate.core.rehearsal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the catalog says about the user relations at one moment: each relation's name and file (relfilenode), the
 * table of each index, and, inside a transaction, how many sequential scans each table has had in it.
 *
 * @param names       relation oid to {@code schema.name}
 * @param files       relation oid to relfilenode (a rewrite gives a relation a new one)
 * @param indexTables index oid to the oid of its table
 * @param scans       table oid to sequential scans in the current transaction
 * @param tables      the oids of the tables (plain and partitioned)
 */
record CatalogState(Map<Long, String> names, Map<Long, Long> files, Map<Long, Long> indexTables,
        Map<Long, Long> scans, Set<Long> tables) {
    private static final String USER_RELATIONS = "SELECT c.oid, quote_ident(n.nspname) || '.' || "
            + "quote_ident(c.relname), c.relfilenode, c.relkind IN ('r', 'p') "
            + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r', 'p', 'i', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    static CatalogState read(Connection connection) throws SQLException {
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> files = new HashMap<>();
        Map<Long, Long> indexTables = new HashMap<>();
        Map<Long, Long> scans = new HashMap<>();
        Set<Long> tables = new HashSet<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(USER_RELATIONS)) {
                while (rows.next()) {
                    names.put(rows.getLong(1), rows.getString(2));
                    files.put(rows.getLong(1), rows.getLong(3));
                    if (rows.getBoolean(4)) {
                        tables.add(rows.getLong(1));
                    }
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT indexrelid, indrelid FROM pg_index")) {
                while (rows.next()) {
                    indexTables.put(rows.getLong(1), rows.getLong(2));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT relid, seq_scan FROM pg_stat_xact_user_tables")) {
                while (rows.next()) {
                    scans.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        return new CatalogState(names, files, indexTables, scans, tables);
    }

    /** Whether the relation got a new file between this state and {@code after}. */
    boolean rewritten(long oid, CatalogState after) {
        Long before = files.get(oid);
        Long now = after.files.get(oid);
        return before != null && now != null && before != 0 && !before.equals(now);
    }

    boolean scanned(long oid, CatalogState after) {
        return after.scans.getOrDefault(oid, 0L) > scans.getOrDefault(oid, 0L);
    }

    /**
     * Whether an index of this table has a file in {@code after} that no index of it had here: a build writes a new
     * file. An index whose definition only changed in the catalog (a widened column) may get a new oid but keeps
     * its file, and is not built.
     */
    boolean indexBuilt(long table, CatalogState after) {
        Set<Long> before = indexFiles(table);
        return after.indexFiles(table).stream().anyMatch(file -> !before.contains(file));
    }

    private Set<Long> indexFiles(long table) {
        return indexTables.entrySet().stream().filter(index -> index.getValue() == table)
                .map(index -> files.get(index.getKey())).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** The names of the tables (not indexes). */
    Set<String> tableNames() {
        return tables.stream().map(names::get).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}

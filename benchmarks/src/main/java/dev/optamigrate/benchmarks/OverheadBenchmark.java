package dev.optamigrate.benchmarks;

import dev.optamigrate.core.Migrator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * opta-migrate applying N small migrations in-process (lock, journal, events included) against the raw tool API
 * doing the same, per tool, each on a fresh database; {@code psql -f} of the same SQL is the floor. Variants take
 * turns, after one warm-up round. The ratio is the median of each round's own ratio (the two runs of a round are
 * back to back), so that a machine that slows down or speeds up between rounds moves both sides alike.
 */
final class OverheadBenchmark {
    static final double TARGET = 1.05;

    private final Server server;
    private final Path work;
    private final int runs;
    private final int migrations;

    OverheadBenchmark(Server server, Path work, int runs, int migrations) {
        this.server = server;
        this.work = work;
        this.runs = runs;
        this.migrations = migrations;
    }

    List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        String name = "apply " + migrations + " migrations";
        Path script = MigrationSetWriter.write("psql", work.resolve("psql"), migrations);
        List<Double> floor = new ArrayList<>();
        for (int round = 0; round <= runs; round++) {
            double time = Psql.run(server, server.freshDatabase(), script);
            if (round > 0) {
                floor.add(time);
            }
        }
        double floorMedian = floor.contains(Double.NaN) ? Double.NaN : Timing.median(floor);
        rows.add(Row.plain(name, "psql -f (floor)", floorMedian));
        for (String tool : List.of("flyway", "liquibase", "mybatis")) {
            Path location = MigrationSetWriter.write(tool, work.resolve(tool), migrations);
            List<Double> ours = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            for (int round = 0; round <= runs; round++) {
                boolean oursFirst = round % 2 == 0;
                double first = oursFirst ? ours(tool, location) : raw(tool, location);
                double second = oursFirst ? raw(tool, location) : ours(tool, location);
                if (round > 0) {
                    ours.add(oursFirst ? first : second);
                    raw.add(oursFirst ? second : first);
                }
            }
            double rawMedian = Timing.median(raw);
            double oursMedian = Timing.median(ours);
            List<Double> paired = new ArrayList<>();
            for (int i = 0; i < ours.size(); i++) {
                paired.add(ours.get(i) / raw.get(i));
            }
            rows.add(new Row(name, "raw " + tool + " API", rawMedian, Double.isNaN(floorMedian) ? ""
                    : String.format(java.util.Locale.ROOT, "%.2f× psql", rawMedian / floorMedian), "", ""));
            rows.add(Row.judged(name, "opta-migrate + " + tool, oursMedian, Timing.median(paired), "raw", TARGET));
        }
        return rows;
    }

    private double ours(String tool, Path location) throws Exception {
        String database = server.freshDatabase();
        return Timing.millis(() -> Migrator.configure().target(server.target(database)).tool(tool)
                .location(location.toString()).load().migrate());
    }

    private double raw(String tool, Path location) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(server.url(server.freshDatabase()));
        return Timing.millis(() -> RawTools.migrate(tool, location, dataSource));
    }
}

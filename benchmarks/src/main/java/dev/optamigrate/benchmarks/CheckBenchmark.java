package dev.optamigrate.benchmarks;

import dev.optamigrate.core.analysis.MigrationFiles;
import dev.optamigrate.core.analysis.StaticCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check} over 1,000 migration files of the kinds real projects hold (tables, columns, indexes, constraints,
 * functions with dollar-quoted bodies, comments): in process (reading the files included), and as a whole
 * {@code opta-migrate check DIR} process.
 */
final class CheckBenchmark {
    static final int FILES = 1000;
    static final double IN_PROCESS_TARGET_MS = 1000;

    private static final List<String> TEMPLATES = List.of(
            "-- A table of its own.\nCREATE TABLE t%1$d (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                    + "    name text NOT NULL,\n    created_at timestamptz NOT NULL DEFAULT now()\n);\n"
                    + "CREATE INDEX t%1$d_name_idx ON t%1$d (name);\n",
            "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN c%1$d text;\n",
            "ALTER TABLE orders ADD COLUMN r%1$d uuid DEFAULT gen_random_uuid();\n",
            "CREATE INDEX CONCURRENTLY orders_c%1$d_idx ON orders (customer_id, placed_at DESC);\n",
            "/* Keep the summary current. */\nCREATE OR REPLACE FUNCTION f%1$d() RETURNS trigger LANGUAGE plpgsql AS $fn$\n"
                    + "BEGIN\n    NEW.updated_at := now(); -- DROP TABLE orders; is only text here\n"
                    + "    RETURN NEW;\nEND\n$fn$;\n",
            "ALTER TABLE orders ADD CONSTRAINT orders_fk%1$d FOREIGN KEY (customer_id) REFERENCES customers (id) "
                    + "NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_fk%1$d;\n",
            "INSERT INTO settings (key, value) VALUES ('k%1$d', 'it''s; fine'), ('e%1$d', E'a\\'b');\n",
            "ALTER TABLE customers RENAME COLUMN n%1$d TO m%1$d;\n",
            "-- opta-migrate:allow index-not-concurrent lookup table with a handful of rows\n"
                    + "CREATE INDEX small%1$d_idx ON small (code);\n",
            "UPDATE orders SET status = 'done' WHERE id BETWEEN %1$d AND %1$d + 1000;\n");

    private final Path work;
    private final Path cli;
    private final int runs;

    CheckBenchmark(Path work, Path cli, int runs) {
        this.work = work;
        this.cli = cli;
        this.runs = runs;
    }

    List<Row> run() throws Exception {
        Path directory = write(work.resolve("check-" + FILES));
        List<Row> rows = new ArrayList<>();
        String name = "check " + FILES + " files";
        double inProcess = median(() -> new StaticCheck(StaticCheck.DEFAULT_PG_VERSION)
                .check(MigrationFiles.read(List.of(directory), work)));
        rows.add(new Row(name, "in process (read + check)", inProcess, String.format(java.util.Locale.ROOT,
                "%.3f ms per file", inProcess / FILES), "≤ " + (int) IN_PROCESS_TARGET_MS + " ms",
                inProcess <= IN_PROCESS_TARGET_MS ? "met" : "missed"));
        rows.add(Row.plain(name, "opta-migrate check DIR (whole process)", median(() -> process(directory))));
        return rows;
    }

    private static Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (int i = 1; i <= FILES; i++) {
            Files.writeString(directory.resolve("V" + i + "__change_" + i + ".sql"),
                    String.format(java.util.Locale.ROOT, TEMPLATES.get(i % TEMPLATES.size()), i));
        }
        return directory;
    }

    private void process(Path directory) throws Exception {
        Process process = new ProcessBuilder("java", "-jar", cli.toString(), "check", directory.toString(), "--output",
                "json").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        if (exit != 21) {
            throw new IllegalStateException("check exited with " + exit + "; the set has findings, so 21 was expected");
        }
    }

    private double median(Timing.Work work) throws Exception {
        return Timing.medianOf(runs, work);
    }
}

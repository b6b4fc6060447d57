package dev.optamigrate.benchmarks;

import java.io.IOException;
import java.nio.file.Path;

/** The floor: PostgreSQL's own client running the same SQL from one file. NaN when psql is not installed. */
final class Psql {
    private Psql() {
    }

    static double run(Server server, String database, Path script) throws Exception {
        ProcessBuilder psql = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost",
                "-p", Integer.toString(server.port()), "-U", "postgres", "-d", database, "-f", script.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            long start = System.nanoTime();
            int exit = psql.start().waitFor();
            double millis = (System.nanoTime() - start) / 1_000_000.0;
            if (exit != 0) {
                throw new IllegalStateException("psql exited with " + exit);
            }
            return millis;
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}

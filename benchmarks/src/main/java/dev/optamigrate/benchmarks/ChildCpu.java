package dev.optamigrate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by this process's finished children (Linux {@code /proc/self/stat}: cutime + cstime), to tell
 * CPU contention from waiting. NaN where that file does not exist.
 */
final class ChildCpu {
    private static final double TICK_MS = 10.0;

    private ChildCpu() {
    }

    static double millis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * TICK_MS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}

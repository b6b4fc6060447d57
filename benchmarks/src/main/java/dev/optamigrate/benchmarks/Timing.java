package dev.optamigrate.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Wall-clock timing and medians. */
final class Timing {
    /** Work to time; it may throw. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private Timing() {
    }

    static double millis(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    static double median(List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}

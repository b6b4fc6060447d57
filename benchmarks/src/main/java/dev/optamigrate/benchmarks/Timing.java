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

    /** The median of {@code runs} timings of the work, after one warm-up run that is not counted. */
    static double medianOf(int runs, Work work) throws Exception {
        List<Double> samples = new ArrayList<>();
        for (int round = 0; round <= runs; round++) {
            double time = millis(work);
            if (round > 0) {
                samples.add(time);
            }
        }
        return median(samples);
    }

    static double median(List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}

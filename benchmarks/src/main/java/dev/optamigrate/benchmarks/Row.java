package dev.optamigrate.benchmarks;

/**
 * One line of the results table.
 *
 * @param benchmark  what was measured
 * @param variant    which side of the comparison
 * @param medianMs   median wall time of the runs, in milliseconds
 * @param comparison the ratio to the baseline, in words, or empty
 * @param target     the target this row is judged by, or empty
 * @param verdict    {@code met}, {@code missed}, or empty
 */
record Row(String benchmark, String variant, double medianMs, String comparison, String target, String verdict) {

    static Row plain(String benchmark, String variant, double medianMs) {
        return new Row(benchmark, variant, medianMs, "", "", "");
    }

    static Row judged(String benchmark, String variant, double medianMs, double ratio, String baseline,
            double limit) {
        return new Row(benchmark, variant, medianMs, String.format(java.util.Locale.ROOT, "%.2f× %s", ratio,
                baseline), String.format(java.util.Locale.ROOT, "≤ %.2f×", limit), ratio <= limit ? "met" : "missed");
    }
}

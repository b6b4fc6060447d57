package dev.optamigrate.core.stats;

import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.Finding;
import dev.optamigrate.core.analysis.Rule;
import dev.optamigrate.core.analysis.Severity;
import dev.optamigrate.core.settings.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Grades {@code check}'s lock and rewrite findings by the table each one touches, from a snapshot: a small table
 * that nobody writes to is locked for a moment (a note), a big or write-hot one for long (an error, with an
 * estimate), anything between is a warning. Each graded finding carries the figures. The constants:
 * <ul>
 *   <li>small and idle: under {@value #SMALL_ROWS} rows and under {@value #IDLE_WRITES} write a second;</li>
 *   <li>big or hot: an estimated {@value #LONG_SECONDS} seconds or more, or {@value #HOT_WRITES} writes a second
 *       or more;</li>
 *   <li>the estimate divides the bytes the statement works through by a conservative rate: a rewrite
 *       ({@value #REWRITE_MB_PER_SECOND} MB/s of table and indexes), a validating scan
 *       ({@value #SCAN_MB_PER_SECOND} MB/s of table) or an index build ({@value #INDEX_MB_PER_SECOND} MB/s of
 *       table), the same three rates that {@code verify} calibrates on its shadow.</li>
 * </ul>
 */
public final class StatsGrading {
    static final long SMALL_ROWS = 10_000;
    static final double IDLE_WRITES = 1;
    static final double HOT_WRITES = 50;
    static final long LONG_SECONDS = 5;
    static final long REWRITE_MB_PER_SECOND = 50;
    static final long SCAN_MB_PER_SECOND = 200;
    static final long INDEX_MB_PER_SECOND = 40;

    /** What a rule's statement works through, and how fast. */
    private enum Work {
        REWRITE(REWRITE_MB_PER_SECOND, true), SCAN(SCAN_MB_PER_SECOND, false), INDEX(INDEX_MB_PER_SECOND, false),
        LOCK(0, false);

        private final long megabytesPerSecond;
        private final boolean withIndexes;

        Work(long megabytesPerSecond, boolean withIndexes) {
            this.megabytesPerSecond = megabytesPerSecond;
            this.withIndexes = withIndexes;
        }

        Optional<Duration> estimate(TableStats table) {
            if (megabytesPerSecond == 0) {
                return Optional.empty();
            }
            long bytes = withIndexes ? table.totalBytes() : table.tableBytes();
            return Optional.of(Duration.ofMillis(bytes * 1000 / (megabytesPerSecond * 1024 * 1024)));
        }

        String rate() {
            return megabytesPerSecond + " MB/s";
        }
    }

    private static final Map<Rule, Work> GRADED = Map.ofEntries(Map.entry(Rule.REWRITE_COLUMN_DEFAULT, Work.REWRITE),
            Map.entry(Rule.REWRITE_COLUMN_TYPE, Work.REWRITE), Map.entry(Rule.TABLE_LOCK_MAINTENANCE, Work.REWRITE),
            Map.entry(Rule.SCAN_SET_NOT_NULL, Work.SCAN), Map.entry(Rule.FK_WITHOUT_NOT_VALID, Work.SCAN),
            Map.entry(Rule.CHECK_WITHOUT_NOT_VALID, Work.SCAN), Map.entry(Rule.VALIDATE_IN_SAME_TRANSACTION, Work.SCAN),
            Map.entry(Rule.INDEX_NOT_CONCURRENT, Work.INDEX), Map.entry(Rule.CONSTRAINT_BUILDS_INDEX, Work.INDEX),
            Map.entry(Rule.DROP_INDEX_NOT_CONCURRENT, Work.LOCK),
            Map.entry(Rule.DETACH_PARTITION_NOT_CONCURRENT, Work.LOCK));

    private StatsGrading() {
    }

    public static CheckReport grade(CheckReport report, StatsSnapshot snapshot) {
        List<Finding> graded = report.findings().stream().map(finding -> grade(finding, snapshot)).toList();
        return report.with(graded, report.suppressions());
    }

    private static Finding grade(Finding finding, StatsSnapshot snapshot) {
        Optional<Work> work = Rule.byId(finding.rule()).map(GRADED::get);
        Optional<TableStats> table = work.flatMap(w -> StatementTarget.of(finding.statement(), snapshot));
        if (table.isEmpty()) {
            return finding;
        }
        Optional<Duration> estimate = work.get().estimate(table.get());
        Severity severity = severity(table.get(), estimate);
        String figures = " [" + figures(table.get()) + estimate.map(duration -> "; estimated "
                + Durations.format(duration) + " at " + work.get().rate()).orElse("") + "; graded " + severity.label()
                + " from the stats file]";
        return new Finding(finding.rule(), severity, finding.file(), finding.line(), finding.statement(),
                finding.message() + figures, finding.fix(), finding.measured());
    }

    private static Severity severity(TableStats table, Optional<Duration> estimate) {
        if (table.rows() < SMALL_ROWS && table.writesPerSecond() < IDLE_WRITES) {
            return Severity.INFO;
        }
        boolean slow = estimate.map(duration -> duration.getSeconds() >= LONG_SECONDS).orElse(false);
        return slow || table.writesPerSecond() >= HOT_WRITES ? Severity.ERROR : Severity.WARNING;
    }

    /** {@code orders: 41 GB, ~120M rows, 350 writes/s}. */
    static String figures(TableStats table) {
        return table.name() + ": " + bytes(table.totalBytes()) + ", ~" + count(table.rows()) + " rows, "
                + String.format(Locale.ROOT, "%.0f", table.writesPerSecond()) + " writes/s";
    }

    private static String bytes(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value >= 10 || unit == 0 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value)) + " " + units[unit];
    }

    private static String count(long rows) {
        if (rows >= 1_000_000) {
            return rows / 1_000_000 + "M";
        }
        return rows >= 1_000 ? rows / 1_000 + "k" : String.valueOf(rows);
    }
}

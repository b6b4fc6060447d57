package dev.optamigrate.core.rehearsal;

import dev.optamigrate.core.analysis.AllowList;
import dev.optamigrate.core.analysis.CheckReport;
import java.util.List;

/**
 * What a rehearsal found.
 *
 * @param shadow       the shadow it ran on, for people
 * @param replayed     how many applied migrations were replayed to bring the shadow to the target's version
 * @param measurements each pending statement with what it locked, rewrote, scanned or built
 * @param findings     the static findings of the pending migrations, plus the measured ones (blocking locks,
 *                     drift, a failure on the shadow), which are marked as measured
 * @param sizesFrom    where the sizes for estimates came from, for people (the target, or a stats file); empty
 *                     when there were none
 */
public record RehearsalReport(String shadow, int replayed, List<StatementMeasurement> measurements,
        CheckReport findings, String sizesFrom) {

    public RehearsalReport {
        measurements = List.copyOf(measurements);
    }

    /** The same report, with the findings the config file's allow list accepts moved to the accepted ones. */
    public RehearsalReport accepting(AllowList allowList) {
        return new RehearsalReport(shadow, replayed, measurements, allowList.apply(findings), sizesFrom);
    }

    /** Whether production gave sizes, so work on its tables was estimated. */
    public boolean estimated() {
        return !sizesFrom.isEmpty();
    }
}

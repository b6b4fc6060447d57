package dev.optamigrate.core.rehearsal;

import java.time.Duration;
import java.util.List;

/**
 * One pending statement as it ran on the shadow.
 *
 * @param file      its migration
 * @param line      the line it starts on
 * @param statement its text, on one line
 * @param locks     what it did to each relation that existed before its migration
 * @param elapsed   how long it took on the shadow (which holds no data, so this is the fixed part)
 */
public record StatementMeasurement(String file, int line, String statement, List<LockObservation> locks,
        Duration elapsed) {

    public StatementMeasurement {
        locks = List.copyOf(locks);
    }
}

package dev.optamigrate.core.rehearsal;

import java.util.Optional;

/**
 * What one statement did to one relation that existed before its migration.
 *
 * @param relation   {@code schema.name}
 * @param mode       the strongest lock it held (or waited for) on it
 * @param rewritten  whether the relation got a new file (the table or index was rewritten)
 * @param scanned    whether the table was read in full
 * @param indexBuilt whether an index was built on the table
 * @param estimate   how long it would take on the target, when a target was given and there is work to scale
 */
public record LockObservation(String relation, LockMode mode, boolean rewritten, boolean scanned,
        boolean indexBuilt, Optional<Estimate> estimate) {

    /** Whether the work scales with the table's size (a rewrite, a full scan, an index build). */
    public boolean sizeDependent() {
        return rewritten || scanned || indexBuilt;
    }

    /** For people: e.g. {@code rewrite}, {@code full scan}, {@code index build}, or {@code catalog only}. */
    public String work() {
        return rewritten ? "rewrite" : indexBuilt ? "index build" : scanned ? "full scan" : "catalog only";
    }

    LockObservation withEstimate(Estimate value) {
        return new LockObservation(relation, mode, rewritten, scanned, indexBuilt, Optional.of(value));
    }
}

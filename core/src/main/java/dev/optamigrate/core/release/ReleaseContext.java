package dev.optamigrate.core.release;

import java.util.List;
import java.util.Optional;

/**
 * What the contract gate knows about releases besides the journal.
 *
 * @param release      the release migrating now, or {@code null} when the run names none
 * @param running      the releases that serve traffic, when a strategy looked or a pipeline said
 * @param trustUnknown whether a running release the journal has never seen counts as new rather than old
 */
public record ReleaseContext(String release, Optional<List<RunningRelease>> running, boolean trustUnknown) {
}

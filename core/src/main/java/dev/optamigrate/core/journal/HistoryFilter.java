package dev.optamigrate.core.journal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which journal rows {@code history} shows.
 *
 * @param since    the earliest start, or {@code null} for all
 * @param statuses the statuses shown, upper case; empty for all
 * @param release  the release shown, or {@code null} for all
 * @param limit    at most this many, the most recent; 0 for all
 */
public record HistoryFilter(Instant since, Set<String> statuses, String release, int limit) {

    public HistoryFilter {
        statuses = statuses.stream().map(status -> status.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The rows that pass, oldest first. */
    public List<JournalEntry> apply(List<JournalEntry> runs) {
        List<JournalEntry> kept = runs.stream()
                .filter(run -> since == null || !run.startedAt().isBefore(since))
                .filter(run -> statuses.isEmpty() || statuses.contains(run.status()))
                .filter(run -> release == null || release.equals(run.release()))
                .toList();
        return limit > 0 && kept.size() > limit ? kept.subList(kept.size() - limit, kept.size()) : kept;
    }
}

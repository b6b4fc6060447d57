package dev.optamigrate.strategy.job;

import dev.optamigrate.kubernetes.ApiPatience;
import java.time.Duration;

/**
 * How a Job is watched.
 *
 * @param startTimeout how long the pod may stay uncreated, unschedulable or refused ({@code --job-start-timeout})
 * @param poll         how often the Job and its pod are read
 * @param progress     how often a progress line is shown while nothing changes
 * @param pullGrace    how long a failing image pull may last (the kubelet retries it) before it counts
 * @param stuckGrace   how long a pod may stay terminating, or in phase Unknown, before the wait ends
 * @param apiPatience  how long each API call may keep failing with passing errors (429, 5xx, timeouts)
 */
public record WatchTiming(Duration startTimeout, Duration poll, Duration progress, Duration pullGrace,
        Duration stuckGrace, Duration apiPatience) {

    /**
     * The timing of a command-line run: 1 s polls, a progress line every 10 s, 30 s for an image pull (the
     * kubelet's first back-off is 10 s), 2 min for a stuck pod, and 2 min of passing API errors per call.
     */
    public static WatchTiming standard(Duration startTimeout) {
        return new WatchTiming(startTimeout, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMinutes(2), ApiPatience.DEFAULT);
    }
}

package dev.optamigrate.core.policy;

import java.time.Duration;

/**
 * How long the pending migrations are expected to take, and where that figure comes from.
 *
 * @param duration the expected duration
 * @param source   where it comes from, for messages, e.g. {@code verify.json}
 */
public record Estimate(Duration duration, String source) {
}

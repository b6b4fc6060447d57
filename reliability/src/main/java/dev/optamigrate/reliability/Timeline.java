package dev.optamigrate.reliability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When each part of an uninterrupted run happened, in milliseconds since its process started, read from its
 * output: the line that starts the run (printed before the lock is taken), the status line, each migration's
 * {@code applying} and {@code applied} lines, and the last line.
 */
record Timeline(long started, long statusRead, Map<Integer, Long> applying, Map<Integer, Long> applied,
        long finished) {
    static final Predicate<String> STARTED = text -> text.startsWith("Migrating ");
    static final Predicate<String> STATUS_READ = text -> text.endsWith(" pending.");
    static final Predicate<String> FINISHED = text -> text.startsWith("Migrated ");
    private static final Pattern APPLYING = Pattern.compile("^\\s*applying\\s+0*(\\d+)\\b.*");
    private static final Pattern APPLIED = Pattern.compile("^\\s*applied\\s+0*(\\d+)\\b.*");

    static Timeline of(List<CliProcess.Line> lines) {
        Map<Integer, Long> applying = new HashMap<>();
        Map<Integer, Long> applied = new HashMap<>();
        long started = -1;
        long statusRead = -1;
        long finished = -1;
        for (CliProcess.Line line : lines) {
            String text = line.text();
            started = started < 0 && STARTED.test(text) ? line.atMillis() : started;
            statusRead = statusRead < 0 && STATUS_READ.test(text) ? line.atMillis() : statusRead;
            finished = finished < 0 && FINISHED.test(text) ? line.atMillis() : finished;
            step(APPLYING, text).ifPresent(step -> applying.putIfAbsent(step, line.atMillis()));
            step(APPLIED, text).ifPresent(step -> applied.putIfAbsent(step, line.atMillis()));
        }
        Timeline timeline = new Timeline(started, statusRead, applying, applied, finished);
        timeline.requireComplete();
        return timeline;
    }

    static Predicate<String> applying(int step) {
        return text -> step(APPLYING, text).filter(found -> found == step).isPresent();
    }

    static Predicate<String> applied(int step) {
        return text -> step(APPLIED, text).filter(found -> found == step).isPresent();
    }

    private static Optional<Integer> step(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    private void requireComplete() {
        for (Step step : KillSet.STEPS) {
            if (!applying.containsKey(step.number()) || !applied.containsKey(step.number())) {
                throw new IllegalStateException("the calibration run's output has no applying/applied line for "
                        + "migration " + step.number());
            }
        }
        if (started < 0 || statusRead < 0 || finished < 0) {
            throw new IllegalStateException("the calibration run's output lacks its start, status or last line");
        }
    }
}

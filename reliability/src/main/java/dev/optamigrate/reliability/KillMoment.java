package dev.optamigrate.reliability;

import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;

/** The kinds of moment a kill aims at; each run aims at one, taking turns. */
enum KillMoment {
    BEFORE_LOCK("before the lock"),
    STATUS_READ("during the status read"),
    INSIDE_MIGRATION("inside a migration"),
    BETWEEN_MIGRATIONS("between migrations"),
    JOURNAL_WRITE("while the journal is written");

    /**
     * When to kill: a random delay, up to the time that part took in the calibration run, after the first line
     * that matches {@code after} (after the start when it is {@code null}).
     */
    record Trigger(Predicate<String> after, long delayMillis, String describe) {
    }

    private final String label;

    KillMoment(String label) {
        this.label = label;
    }

    /** The moment by its option name, e.g. {@code inside-migration}. */
    static KillMoment named(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    String label() {
        return label;
    }

    Trigger trigger(Timeline timeline, Random random) {
        int last = KillSet.STEPS.size();
        return switch (this) {
            case BEFORE_LOCK -> {
                long delay = timeline.started() / 2 + random.nextLong(timeline.started() / 2 + 20);
                yield new Trigger(null, delay, delay + " ms after the start");
            }
            case STATUS_READ -> after(Timeline.STARTED, "the run's first line",
                    timeline.statusRead() - timeline.started(), random);
            case INSIDE_MIGRATION -> inside(timeline, random);
            case BETWEEN_MIGRATIONS -> {
                int step = 1 + random.nextInt(last - 1);
                yield after(Timeline.applied(step), "applied " + step,
                        timeline.applying().get(step + 1) - timeline.applied().get(step), random);
            }
            case JOURNAL_WRITE -> after(Timeline.applied(last), "applied " + last,
                    timeline.finished() - timeline.applied().get(last), random);
        };
    }

    /** A moment uniformly at random in the time migrations ran, so a longer migration is hit more often. */
    private static Trigger inside(Timeline timeline, Random random) {
        long total = KillSet.STEPS.stream().mapToLong(step -> span(timeline, step.number())).sum();
        long at = random.nextLong(total);
        for (Step step : KillSet.STEPS) {
            long span = span(timeline, step.number());
            if (at < span) {
                return new Trigger(Timeline.applying(step.number()), at, at + " ms after 'applying " + step.number()
                        + "'");
            }
            at -= span;
        }
        throw new IllegalStateException("no migration took any time");
    }

    private static long span(Timeline timeline, int step) {
        return Math.max(1, timeline.applied().get(step) - timeline.applying().get(step));
    }

    private static Trigger after(Predicate<String> line, String name, long span, Random random) {
        long delay = random.nextLong(Math.max(1, span) + 1);
        return new Trigger(line, delay, delay + " ms after '" + name + "'");
    }
}

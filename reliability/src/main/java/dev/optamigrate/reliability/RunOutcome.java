package dev.optamigrate.reliability;

import java.util.List;

/**
 * One kill and what followed.
 *
 * @param moment          the kind of moment aimed at
 * @param trigger         when exactly the kill was sent
 * @param landed          whether the process was still running at that moment (it was killed)
 * @param lastLine        the last line it printed before the kill
 * @param lockFreeMillis  from the kill until the migration lock was free
 * @param sessionsMillis  from the kill until none of the killed process's sessions was left on the server
 * @param rerunMillis     how long the next run took
 * @param violations      the invariants broken, after the kill and after the next run
 */
record RunOutcome(KillMoment moment, String trigger, boolean landed, String lastLine, long lockFreeMillis,
        long sessionsMillis, long rerunMillis, List<Violation> violations) {
}

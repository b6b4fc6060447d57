/**
 * {@code verify}: rehearses the pending migrations on a shadow database, statement by statement, and measures
 * what each one does to the relations that existed before it: the lock modes it held (from {@code pg_locks}),
 * whether it rewrote a table or index (a new relfilenode), scanned a table, or built an index. With a target,
 * the shadow is first brought to the target's version, drift between the two is reported, and each measured
 * rewrite, scan or build gets a duration estimate from the target's table sizes and rates calibrated on the
 * shadow.
 */
package dev.optamigrate.core.rehearsal;

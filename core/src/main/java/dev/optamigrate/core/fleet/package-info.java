/**
 * Fleets: one process migrates many targets (tenant schemas of one database, or databases on one or more servers)
 * through the engine, each under its own lock and journal scope, with bounded parallelism per server, a canary
 * first, then waves, an error budget that halts the rollout, and a fleet run id that a later run resumes from the
 * journals.
 */
package dev.optamigrate.core.fleet;

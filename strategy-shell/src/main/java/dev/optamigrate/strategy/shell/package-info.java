/**
 * The shell strategy: runs the migration command non-interactively in the main container of a Ready pod of the
 * service's current ReplicaSet (what {@code opta shell} opens by hand), refusing during a rollout, under the
 * service's migration Lease, after a person confirmed what will run where.
 */
package dev.optamigrate.strategy.shell;

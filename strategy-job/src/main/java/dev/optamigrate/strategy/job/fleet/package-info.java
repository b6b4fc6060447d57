/**
 * A fleet on Kubernetes: one Indexed Job whose pods each migrate the members of one shard, followed shard by shard
 * until the Job ends.
 */
package dev.optamigrate.strategy.job.fleet;

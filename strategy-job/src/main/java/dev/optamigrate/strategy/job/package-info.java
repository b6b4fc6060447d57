/**
 * The job strategy: runs the migration as a one-time Kubernetes Job from the service's current image, with the
 * database credentials referenced from the service's Secret, and waits for its outcome while streaming its log.
 */
package dev.optamigrate.strategy.job;

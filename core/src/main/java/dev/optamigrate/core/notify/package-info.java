/**
 * Notifications to the people on standby: a run's story (started, waiting for the lock, contention, slow
 * migrations, finished, failed or refused) sent to webhooks, Slack and CloudEvents sinks in the background, never
 * delaying or failing the run.
 */
package dev.optamigrate.core.notify;

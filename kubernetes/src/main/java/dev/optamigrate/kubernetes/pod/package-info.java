/**
 * The pods opta-migrate makes (a migration Job's, a tunnel's) and what their status says: the shape that passes
 * Pod Security {@code restricted} and keeps service-mesh sidecars out, and one set of rules that reads a pod's
 * status into progress, a problem that stops the run, or an outcome.
 */
package dev.optamigrate.kubernetes.pod;

/**
 * Manifests for running the migration Job with other deployment tools: a plain Job, a Helm hook, an Argo CD
 * hook, the RBAC Role the CLI needs, and Opta manifests. Every manifest is built as model objects (fabric8's
 * Kubernetes model, typed records for Opta) and written as YAML by fabric8's serializer; none is a text template.
 */
package dev.optamigrate.strategy.job.manifest;

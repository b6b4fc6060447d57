/**
 * The benchmark harness: engine overhead per tool against the raw tool APIs and {@code psql -f}, concurrency of
 * whole processes, and cold start. Run it from {@code benchmarks/README.md}; it is never part of the tests.
 */
package dev.optamigrate.benchmarks;

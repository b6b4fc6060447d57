/**
 * Test support shared through core's test-jar: {@link dev.optamigrate.core.testing.PostgresExtension} gives a
 * real PostgreSQL server per test class and a fresh {@link dev.optamigrate.core.testing.TestDatabase} per test.
 */
package dev.optamigrate.core.testing;

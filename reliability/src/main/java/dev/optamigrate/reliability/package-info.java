/**
 * The random-kill suite: for each tool, runs {@code opta-migrate migrate} as a whole process against real
 * PostgreSQL, {@code kill -9}s it at a chosen kind of moment (before the lock, during the status read, inside a
 * migration, between migrations, while the journal is written), runs it again, and checks the invariants the
 * migration lock promises. Run it from {@code reliability/README.md}; it is never part of the tests.
 */
package dev.optamigrate.reliability;

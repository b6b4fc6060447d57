/** The registry of execution strategies found by ServiceLoader, and the built-in {@code local} strategy. */
package dev.optamigrate.core.strategy;

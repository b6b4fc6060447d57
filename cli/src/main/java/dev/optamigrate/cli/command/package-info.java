/** The verbs: one picocli command per verb, each a {@code Callable<Integer>} built by Guice. */
package dev.optamigrate.cli.command;

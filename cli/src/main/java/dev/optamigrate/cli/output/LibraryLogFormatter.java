package dev.optamigrate.cli.output;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Formats what the libraries log (Flyway and pgjdbc through java.util.logging, Liquibase natively) for people:
 * one line per record, {@code warning: flyway: ...}, with the cause's message but no stack trace. With
 * {@code --verbose} the full record and its stack trace are shown.
 */
public final class LibraryLogFormatter extends Formatter {
    /** Fills a record's parameters into its message; stateless, so one serves every record. */
    private static final LibraryLogFormatter MESSAGES = new LibraryLogFormatter(false);

    private final boolean verbose;

    public LibraryLogFormatter(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public String format(LogRecord record) {
        if (!verbose) {
            return label(record.getLevel()) + ": " + oneLine(record, formatMessage(record)) + System.lineSeparator();
        }
        String line = label(record.getLevel()) + ": " + source(record.getLoggerName()) + ": " + formatMessage(record);
        Throwable thrown = record.getThrown();
        if (thrown == null) {
            return line + System.lineSeparator();
        }
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return line + System.lineSeparator() + trace;
    }

    /** A record as one line without its level: {@code flyway: message (cause)}, for a warning event. */
    static String oneLine(LogRecord record) {
        return oneLine(record, MESSAGES.formatMessage(record));
    }

    private static String oneLine(LogRecord record, String message) {
        String line = source(record.getLoggerName()) + ": " + firstLine(message);
        return record.getThrown() == null ? line : line + " (" + firstLine(String.valueOf(record.getThrown()
                .getMessage())) + ")";
    }

    private static String label(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            return "error";
        }
        return level.intValue() >= Level.WARNING.intValue() ? "warning" : "info";
    }

    /** The library that logged it, e.g. {@code flyway} for {@code org.flywaydb.core.internal...}. */
    private static String source(String loggerName) {
        String name = loggerName == null ? "" : loggerName.toLowerCase(Locale.ROOT);
        for (String library : new String[] {"flyway", "liquibase", "postgresql", "ibatis", "fabric8"}) {
            if (name.contains(library)) {
                return library.equals("ibatis") ? "mybatis" : library.equals("postgresql") ? "pgjdbc" : library;
            }
        }
        return loggerName == null || loggerName.isEmpty() ? "java" : loggerName;
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        return end < 0 ? stripped : stripped.substring(0, end).strip();
    }
}

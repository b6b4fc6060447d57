package dev.optamigrate.cli.output;

import dev.optamigrate.core.spi.Confirmation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks the person at the terminal: shows what is about to run, then waits for "y". With {@code --yes} it shows
 * the same and goes on; without a terminal and without {@code --yes} it refuses, since nobody can answer.
 */
public final class ConsoleConfirmation implements Confirmation {
    private static final String GIVE_YES = "Give --yes to confirm up front, once you have read what it will run.";
    private final PrintWriter out;
    private final Optional<BufferedReader> terminal;
    private final boolean yes;

    /**
     * @param out      where the summary and the question go
     * @param terminal where the answer comes from, if a person is there
     * @param yes      whether {@code --yes} was given
     */
    public ConsoleConfirmation(PrintWriter out, Optional<BufferedReader> terminal, boolean yes) {
        this.out = out;
        this.terminal = terminal;
        this.yes = yes;
    }

    @Override
    public void confirm(String summary) {
        if (show(summary)) {
            return;
        }
        BufferedReader reader = terminal.orElseThrow(() -> Confirmation.refused("No terminal to ask for "
                + "confirmation, and --yes was not given.", GIVE_YES));
        out.print("Go ahead? [y/N] ");
        out.flush();
        String answer = readLine(reader);
        if (!answer.equals("y") && !answer.equals("yes")) {
            throw Confirmation.refused("Not confirmed (answered '" + answer + "').", GIVE_YES);
        }
    }

    @Override
    public void requireUpFront(String summary) {
        if (!show(summary)) {
            throw Confirmation.refused("This needs --yes given up front; it is not asked at a prompt.",
                    GIVE_YES);
        }
    }

    /** Shows the summary; true when --yes already confirmed it. */
    private boolean show(String summary) {
        out.println(summary);
        if (yes) {
            out.println("Confirmed by --yes.");
        }
        out.flush();
        return yes;
    }

    private static String readLine(BufferedReader reader) {
        try {
            String line = reader.readLine();
            return line == null ? "" : line.trim().toLowerCase(Locale.ROOT);
        } catch (IOException unreadable) {
            return "";
        }
    }
}

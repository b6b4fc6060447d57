package dev.optamigrate.core;

import dev.optamigrate.core.spi.UndoRequest;

/** What a run does: apply what is pending, or revert what an undo request names. */
sealed interface RunAction {
    /** The word the journal and the events use: {@code migrate} or {@code undo}. */
    String verb();

    /** Applies what is pending. */
    record Migrate() implements RunAction {
        @Override
        public String verb() {
            return "migrate";
        }
    }

    /** Reverts what the request names. */
    record Undo(UndoRequest request) implements RunAction {
        @Override
        public String verb() {
            return "undo";
        }
    }
}

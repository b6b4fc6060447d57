package dev.optamigrate.core.promotion;

import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.journal.JournalScope;
import dev.optamigrate.core.target.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What the rehearsal environment applied, and where that was read.
 *
 * @param source     where it was read, for messages
 * @param migrations the migrations applied there
 */
record Proof(String source, List<AppliedRecord> migrations) {
    /** The proof the options name: the receipt, or else the rehearsal environment's journal. */
    static Proof load(PromotionOptions options, Target self) {
        return options.receipt() != null ? fromReceipt(options) : fromJournal(options, self);
    }

    private static Proof fromReceipt(PromotionOptions options) {
        Receipt receipt = Receipt.read(options.receipt());
        if (options.required() != null && !options.required().equals(receipt.environment())) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The receipt " + options.receipt() + " comes from "
                    + "environment '" + receipt.environment() + "', and this target requires a rehearsal on '"
                    + options.required() + "'.", "Give the receipt that `opta-migrate history --receipt` wrote on "
                            + options.required() + ".", null);
        }
        return new Proof("the receipt " + options.receipt() + " (" + receipt.environment() + ", written "
                + receipt.exportedAt() + ")", receipt.migrations());
    }

    private static Proof fromJournal(PromotionOptions options, Target self) {
        Target server = options.rehearsalServer();
        if (server.hostAndPort().equals(self.hostAndPort()) && server.database().equals(self.database())) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "rehearsal-url points at the target itself ("
                    + self.describe() + "): its own journal proves nothing.", "Give the database of the environment "
                            + "that runs the migrations first, e.g. staging's.", null);
        }
        try (Connection connection = new Connections(server, Connections.applicationName()).open()) {
            connection.setReadOnly(true);
            List<AppliedRecord> applied = AppliedLedger.read(connection, JournalScope.of(self)).stream()
                    .filter(record -> record.environment() == null || options.required() == null
                            || record.environment().equals(options.required()))
                    .toList();
            String name = options.required() != null ? options.required() + "'s journal" : "the journal";
            return new Proof(name + " at " + server.describe(), applied);
        } catch (MigrateException e) {
            throw new MigrateException(e.code(), "Cannot read the rehearsal environment's journal: " + e.getMessage(),
                    "Check rehearsal-url (the user in the URL) and the password in "
                            + PromotionOptions.PASSWORD_VARIABLE + ".", e);
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Lost the connection to " + server.describe()
                    + " while reading its journal: " + e.getMessage(), "Run again; rehearsal-url is read read-only.",
                    e);
        }
    }
}

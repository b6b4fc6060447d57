package dev.optamigrate.core.analysis;

import java.util.List;
import java.util.Map;

/**
 * A migration's phase, and what it contracts and retires.
 *
 * @param file      the migration file or changeset, as its findings name it
 * @param phase     expand or contract
 * @param declared  whether an {@code -- opta-migrate:phase} comment set the phase (else the rules found it)
 * @param contracts what it removes or renames, each as {@code table} or {@code table.column}; a migration
 *                  declared {@code expand} keeps them here for the record, and the contract gate ignores them
 * @param retires   what {@code -- opta-migrate:retire} comments say the code no longer uses from this release on
 * @param accepted  the reasons of {@code -- opta-migrate:allow contract-not-ready <reason>} comments, by the line
 *                  of the statement each one accepts
 */
public record MigrationPhase(String file, Phase phase, boolean declared, List<Contracted> contracts,
        List<String> retires, Map<Integer, String> accepted) {

    public MigrationPhase {
        contracts = List.copyOf(contracts);
        retires = retires.stream().distinct().toList();
        accepted = Map.copyOf(accepted);
    }

    /** The same migration under the name a person looks for (a changelog file and changeset id). */
    MigrationPhase placed(String name) {
        return new MigrationPhase(name, phase, declared, contracts, retires, accepted);
    }

    /**
     * One thing a contract migration removes or renames.
     *
     * @param object    {@code table} or {@code table.column}, lower case unless quoted
     * @param line      the line of the statement that does it (of the phase comment, for a declared object)
     * @param statement that statement, on one line
     */
    public record Contracted(String object, int line, String statement) {
    }

    /** Whether the object (a table, or a column) is covered by a retirement of {@code retired}. */
    public static boolean covers(String retired, String object) {
        return retired.equals(object) || object.startsWith(retired + ".");
    }
}

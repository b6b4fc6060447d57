package dev.optamigrate.core.plan;

import dev.optamigrate.core.spi.NewMigration;
import java.util.ArrayList;
import java.util.List;

/**
 * One migration of a plan.
 *
 * @param release    the release it ships with, from 1
 * @param migration  the migration, without the plan's header comments
 */
public record PlanStep(int release, NewMigration migration) {

    /** A step that runs in one transaction. */
    static PlanStep of(int release, String name, String purpose, List<String> statements, List<String> undo) {
        return new PlanStep(release, new NewMigration(name, List.of(purpose), statements, undo, true));
    }

    /** A step that runs outside a transaction (CONCURRENTLY, or a backfill that commits each batch). */
    static PlanStep outsideTransaction(int release, String name, String purpose, List<String> statements,
            List<String> undo) {
        return new PlanStep(release, new NewMigration(name, List.of(purpose), statements, undo, false));
    }

    /** This step with more comment lines first (markers, or the plan's header). */
    PlanStep withComments(List<String> first) {
        List<String> comments = new ArrayList<>(first);
        comments.addAll(migration.comments());
        return new PlanStep(release, new NewMigration(migration.name(), comments, migration.statements(),
                migration.undo(), migration.transactional()));
    }
}

package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.Comment;
import dev.optamigrate.core.analysis.sql.SqlScript;
import dev.optamigrate.core.analysis.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code -- opta-migrate:phase expand|contract [<object>...]} and {@code -- opta-migrate:retire
 * <table>[.<column>]...} comments of one migration. A comment that cannot be read is a finding of its own and
 * counts for nothing.
 */
final class PhaseMarkers {
    static final String PHASE = "opta-migrate:phase";
    static final String RETIRE = "opta-migrate:retire";
    private static final Pattern OBJECT = Pattern.compile("[a-z_][a-z0-9_$]*(\\.[a-z_][a-z0-9_$]*)?");

    private Phase declared;
    private final List<MigrationPhase.Contracted> declaredObjects = new ArrayList<>();
    private final List<String> retires = new ArrayList<>();
    private final List<Finding> invalid = new ArrayList<>();

    PhaseMarkers(SqlScript script, String file) {
        for (Comment comment : script.comments()) {
            Finding.Location location = new Finding.Location(file, comment.line(), "-- " + comment.text());
            if (comment.text().startsWith(PHASE)) {
                phase(script, comment, location);
            } else if (comment.text().startsWith(RETIRE)) {
                int invalidBefore = invalid.size();
                List<String> objects = objects(comment.text().substring(RETIRE.length()), location);
                if (objects.isEmpty() && invalid.size() == invalidBefore) {
                    invalid.add(Finding.of(Rule.INVALID_MARKER, location, "opta-migrate:retire names nothing: it "
                            + "needs the table, or table.column, that the code no longer uses."));
                }
                retires.addAll(objects);
            }
        }
    }

    Optional<Phase> declared() {
        return Optional.ofNullable(declared);
    }

    /** The objects a {@code phase contract} comment names, at the statement the comment stands above. */
    List<MigrationPhase.Contracted> declaredObjects() {
        return declaredObjects;
    }

    List<String> retires() {
        return retires;
    }

    List<Finding> invalid() {
        return invalid;
    }

    private void phase(SqlScript script, Comment comment, Finding.Location location) {
        String[] words = comment.text().substring(PHASE.length()).strip().split("\\s+", 2);
        Optional<Phase> phase = Phase.byLabel(words[0].toLowerCase(Locale.ROOT));
        if (phase.isEmpty()) {
            invalid.add(Finding.of(Rule.INVALID_MARKER, location, "Unknown phase '" + words[0] + "': it is "
                    + "expand or contract; the comment counts for nothing."));
            return;
        }
        if (declared != null && declared != phase.get()) {
            invalid.add(Finding.of(Rule.INVALID_MARKER, location, "The migration declares both phases; the "
                    + "first, " + declared.label() + ", counts."));
            return;
        }
        declared = phase.get();
        if (words.length > 1 && phase.get() == Phase.CONTRACT) {
            SqlStatement at = script.statements().stream().filter(statement -> statement.endLine() >= comment.line())
                    .findFirst().orElse(null);
            for (String object : objects(words[1], location)) {
                if (declaredObjects.stream().anyMatch(known -> known.object().equals(object))) {
                    continue;
                }
                declaredObjects.add(new MigrationPhase.Contracted(object, at == null ? comment.line() : at.line(),
                        at == null ? location.statement() : at.compactText()));
            }
        }
    }

    private List<String> objects(String text, Finding.Location location) {
        List<String> objects = new ArrayList<>();
        for (String word : text.strip().split("[\\s,]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String object = word.toLowerCase(Locale.ROOT);
            if (OBJECT.matcher(object).matches()) {
                objects.add(object);
            } else {
                invalid.add(Finding.of(Rule.INVALID_MARKER, location, "'" + word + "' is not a table or "
                        + "table.column name; the comment counts for nothing."));
                return List.of();
            }
        }
        return objects;
    }
}

package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.Comment;
import dev.optamigrate.core.analysis.sql.SqlScript;
import dev.optamigrate.core.analysis.sql.SqlStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code -- opta-migrate:allow <rule-id> <reason>} comments of one migration. Each one accepts that rule's
 * findings on one statement: the statement the comment is in or ends, else the next one. A comment without a
 * known rule id or without a reason accepts nothing and is itself a finding.
 */
final class Suppressions {
    static final String DIRECTIVE = "opta-migrate:allow";

    private final List<Allowance> allowances = new ArrayList<>();
    private final List<Finding> invalid = new ArrayList<>();

    private record Allowance(String rule, int statementLine, String reason) {
    }

    Suppressions(SqlScript script, String file) {
        for (Comment comment : script.comments()) {
            if (!comment.text().startsWith(DIRECTIVE)) {
                continue;
            }
            String[] words = comment.text().substring(DIRECTIVE.length()).strip().split("\\s+", 2);
            String reason = words.length > 1 ? words[1].strip() : "";
            Finding.Location location = new Finding.Location(file, comment.line(), "-- " + comment.text());
            if (Rule.byId(words[0]).isEmpty()) {
                invalid.add(Finding.of(Rule.INVALID_SUPPRESSION, location, "Unknown rule id '" + words[0]
                        + "': it accepts nothing. The ids are listed in README and by `check --help`."));
            } else if (reason.isEmpty()) {
                invalid.add(Finding.of(Rule.INVALID_SUPPRESSION, location, "Allowing " + words[0] + " needs a reason "
                        + "after the rule id, so that reviewers see why it is safe here; it accepts nothing."));
            } else {
                statementFor(script, comment.line()).ifPresent(statement -> allowances.add(
                        new Allowance(words[0], statement.line(), reason)));
            }
        }
    }

    /** The findings that no comment accepts, plus the invalid comments. */
    List<Finding> remaining(List<Finding> findings) {
        List<Finding> remaining = new ArrayList<>(findings.stream()
                .filter(finding -> allowance(finding).isEmpty()).toList());
        remaining.addAll(invalid);
        return remaining;
    }

    /** The findings a comment accepts, with its reason. */
    List<Suppression> accepted(List<Finding> findings) {
        return findings.stream().flatMap(finding -> allowance(finding)
                .map(allowance -> new Suppression(finding, allowance.reason())).stream()).toList();
    }

    /** The reasons given for a rule that no check reports, by the line of the statement each one accepts. */
    Map<Integer, String> reasons(Rule rule) {
        Map<Integer, String> reasons = new HashMap<>();
        allowances.stream().filter(allowance -> allowance.rule.equals(rule.id()))
                .forEach(allowance -> reasons.putIfAbsent(allowance.statementLine, allowance.reason));
        return reasons;
    }

    private Optional<Allowance> allowance(Finding finding) {
        return allowances.stream().filter(allowance -> allowance.rule.equals(finding.rule())
                && allowance.statementLine == finding.line()).findFirst();
    }

    private static Optional<SqlStatement> statementFor(SqlScript script, int line) {
        return script.statements().stream()
                .filter(statement -> statement.endLine() >= line)
                .findFirst();
    }
}

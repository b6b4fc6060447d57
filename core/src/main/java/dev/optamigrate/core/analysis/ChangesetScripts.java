package dev.optamigrate.core.analysis;

import dev.optamigrate.core.spi.PendingMigration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase changesets whose SQL the tool generated offline (from XML, YAML, JSON or formatted SQL), as scripts a
 * check reads; their findings are then placed where a person looks for them: the changelog file and the line its
 * changeset starts on, with the changeset's id. A changeset's own comment accepts findings for all its statements
 * with {@code opta-migrate:allow <rule-id> <reason>}, since comments inside generated SQL are not the author's.
 */
public final class ChangesetScripts {
    private static final Pattern ALLOW = Pattern.compile(Pattern.quote(Suppressions.DIRECTIVE)
            + "\\s+(\\S+)\\s+([^\\n]+)");

    /**
     * Where a changeset is written, and the rules its comment accepts.
     *
     * @param allowed rule id to the reason the comment gives
     */
    private record Origin(String file, int line, String id, Map<String, String> allowed) {
    }

    private final List<MigrationScript> scripts = new ArrayList<>();
    private final Map<String, Origin> origins = new HashMap<>();

    /**
     * @param changesets    the changesets with their generated SQL (version: the id; script: the changelog path)
     * @param changelogDir  the directory of the master changelog, against which (or a directory above it) the
     *                      changelog paths resolve
     * @param workingDir    what reported file names are relative to
     */
    public ChangesetScripts(List<PendingMigration> changesets, Path changelogDir, Path workingDir) {
        for (PendingMigration changeset : changesets) {
            Path file = resolve(changelogDir, changeset.script());
            String key = changeset.script() + "::" + changeset.version();
            origins.put(key, new Origin(display(file, workingDir), startLine(file, changeset.version()),
                    changeset.version(), allowed(changeset.description())));
            scripts.add(new MigrationScript(key, changeset.sql(), changeset.transactional()));
        }
    }

    public List<MigrationScript> scripts() {
        return scripts;
    }

    /**
     * The report with the findings of these changesets moved to their changeset's file and first line, and those
     * a changeset's comment accepts moved to the accepted ones, with its reason.
     */
    public CheckReport placed(CheckReport report) {
        List<Finding> findings = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>(report.suppressions().stream()
                .map(suppression -> new Suppression(placed(suppression.finding()), suppression.reason())).toList());
        for (Finding finding : report.findings()) {
            Origin origin = origins.get(finding.file());
            String reason = origin == null ? null : origin.allowed().get(finding.rule());
            if (reason == null) {
                findings.add(placed(finding));
            } else {
                suppressions.add(new Suppression(placed(finding), reason));
            }
        }
        List<MigrationPhase> phases = report.phases().stream().map(phase -> {
            Origin origin = origins.get(phase.file());
            return origin == null ? phase : phase.placed(origin.file() + " changeset " + origin.id());
        }).toList();
        return new CheckReport(findings, suppressions, report.pgVersion(), report.migrations(), phases);
    }

    /** The rules a changeset's comment accepts: known rule ids followed by a reason. */
    private static Map<String, String> allowed(String comment) {
        Map<String, String> allowed = new HashMap<>();
        if (comment != null) {
            Matcher directive = ALLOW.matcher(comment);
            while (directive.find()) {
                if (Rule.byId(directive.group(1)).isPresent()) {
                    allowed.put(directive.group(1), directive.group(2).strip());
                }
            }
        }
        return allowed;
    }

    private Finding placed(Finding finding) {
        Origin origin = origins.get(finding.file());
        if (origin == null) {
            return finding;
        }
        return new Finding(finding.rule(), finding.severity(), origin.file(), origin.line(), finding.statement(),
                "Changeset " + origin.id() + ": " + finding.message(), finding.fix(), finding.measured());
    }

    /** The changelog file, found from the master's directory or a directory above it (classpath-root paths). */
    private static Path resolve(Path changelogDir, String changelogPath) {
        for (Path root = changelogDir; root != null; root = root.getParent()) {
            Path candidate = root.resolve(changelogPath);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return changelogDir.resolve(changelogPath);
    }

    /** The line the changeset with this id starts on, in any of Liquibase's formats; 1 when it is not found. */
    private static int startLine(Path file, String id) {
        String quoted = Pattern.quote(id);
        Pattern start = Pattern.compile("(\\bid\\s*=\\s*[\"']" + quoted + "[\"'])" // XML
                + "|(^\\s*-?\\s*id\\s*:\\s*[\"']?" + quoted + "[\"']?\\s*$)" // YAML
                + "|(\"id\"\\s*:\\s*\"?" + quoted + "\"?)" // JSON
                + "|(^\\s*--\\s*changeset\\s+[^:\\s]+:" + quoted + "(\\s|$))", Pattern.CASE_INSENSITIVE);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (start.matcher(lines.get(i)).find()) {
                    return i + 1;
                }
            }
        } catch (IOException unreadable) {
            // Liquibase read it a moment ago; without the text, the changeset's first line is unknown
        }
        return 1;
    }

    private static String display(Path file, Path workingDir) {
        Path normalized = file.toAbsolutePath().normalize();
        Path base = workingDir.toAbsolutePath().normalize();
        return (normalized.startsWith(base) ? base.relativize(normalized) : normalized).toString().replace('\\', '/');
    }
}

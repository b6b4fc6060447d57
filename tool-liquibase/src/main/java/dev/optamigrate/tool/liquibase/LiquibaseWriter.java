package dev.optamigrate.tool.liquibase;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.NewMigration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes new migrations as formatted-SQL changesets, one file each ({@code NNN-<name>.sql}, in the master's
 * {@code changes/} directory when it has one), and includes them at the end of a YAML or XML master changelog.
 * A changeset with a dollar-quoted body is not split into statements; one that cannot run in a transaction says
 * {@code runInTransaction:false}.
 */
final class LiquibaseWriter {
    private static final Pattern NUMBERED = Pattern.compile("([0-9]+)-.*");
    private static final Pattern YAML_ITEM = Pattern.compile("(?m)^(\\s*)- ");

    private LiquibaseWriter() {
    }

    static List<Path> write(String location, List<NewMigration> migrations) {
        Path master = LiquibaseChangelog.masterFile(location);
        String name = master.getFileName().toString();
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        if (!yaml && !name.endsWith(".xml")) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot add includes to the master changelog "
                    + name + ": opta-migrate adds them to YAML and XML changelogs only.", "Use a YAML or XML master "
                            + "changelog, or write the changesets by hand from the plan printed above.", null);
        }
        Path changes = Files.isDirectory(master.resolveSibling("changes")) ? master.resolveSibling("changes")
                : master.getParent();
        try {
            String masterText = Files.readString(master, StandardCharsets.UTF_8);
            int next = highestNumber(changes) + 1;
            List<Path> written = new ArrayList<>();
            for (NewMigration migration : migrations) {
                String stem = String.format("%03d-%s", next++, migration.name());
                Path file = changes.resolve(stem + ".sql");
                Files.writeString(file, changeSet(stem, migration), StandardCharsets.UTF_8);
                written.add(file);
                String include = master.getParent().relativize(file).toString().replace('\\', '/');
                masterText = yaml ? includeYaml(masterText, include) : includeXml(masterText, include, name);
            }
            Files.writeString(master, masterText, StandardCharsets.UTF_8);
            written.add(master);
            return written;
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot write the changesets next to " + master
                    + ": " + e.getMessage(), "Check that the directory and the master changelog are writable.", e);
        }
    }

    private static String changeSet(String id, NewMigration migration) {
        boolean dollarQuoted = migration.statements().stream().anyMatch(statement -> statement.contains("$$"));
        StringBuilder text = new StringBuilder("--liquibase formatted sql\n\n--changeset opta-migrate:" + id
                + (migration.transactional() ? "" : " runInTransaction:false")
                + (dollarQuoted ? " splitStatements:false" : "") + "\n");
        text.append(migration.script());
        if (migration.undo().isEmpty()) {
            text.append("--rollback empty\n");
        }
        migration.undo().forEach(statement -> text.append("--rollback ").append(statement).append(";\n"));
        return text.toString();
    }

    private static String includeYaml(String master, String include) {
        Matcher item = YAML_ITEM.matcher(master);
        String indent = item.find() ? item.group(1) : "  ";
        return (master.endsWith("\n") ? master : master + "\n") + indent + "- include:\n" + indent + "    file: "
                + include + "\n" + indent + "    relativeToChangelogFile: true\n";
    }

    private static String includeXml(String master, String include, String name) {
        int end = master.lastIndexOf("</databaseChangeLog>");
        if (end < 0) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The master changelog " + name + " has no "
                    + "</databaseChangeLog> to add includes before.", "Check that it is a Liquibase XML changelog.",
                    null);
        }
        return master.substring(0, end) + "    <include file=\"" + include + "\" relativeToChangelogFile=\"true\"/>\n"
                + master.substring(end);
    }

    private static int highestNumber(Path directory) throws IOException {
        int highest = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher numbered = NUMBERED.matcher(file.getFileName().toString());
                if (numbered.matches() && numbered.group(1).length() < 9) {
                    highest = Math.max(highest, Integer.parseInt(numbered.group(1)));
                }
            }
        }
        return highest;
    }
}

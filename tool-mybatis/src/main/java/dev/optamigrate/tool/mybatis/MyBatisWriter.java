package dev.optamigrate.tool.mybatis;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.NewMigration;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes new migrations as MyBatis scripts ({@code <id>_<name>.sql} in {@code scripts/}, numbered after the highest
 * id there) with their {@code -- //@UNDO} part. A statement with a dollar-quoted body, whose lines end in
 * semicolons, runs under MyBatis' {@code -- @DELIMITER} directive. MyBatis runs a whole script in one transaction
 * unless the environment says {@code auto_commit=true}, for every script, so a migration that must run outside a
 * transaction needs that.
 */
final class MyBatisWriter {
    private static final Pattern NUMBERED = Pattern.compile("([0-9]+)_.*\\.sql");
    private static final String BODY_DELIMITER = "/";

    private MyBatisWriter() {
    }

    static List<Path> write(String location, String environment, List<NewMigration> migrations) {
        MyBatisLayout layout = MyBatisLayout.of(location, environment);
        String settings = "environments/" + environment + ".properties";
        if (!";".equals(layout.options().getDelimiter()) || layout.options().isFullLineDelimiter()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The MyBatis environment " + environment
                    + " ends statements with something other than ';' at a line's end.", "Write the scripts by hand "
                            + "from the plan printed above, or use delimiter=; in " + settings + ".", null);
        }
        List<String> outside = migrations.stream().filter(migration -> !migration.transactional())
                .map(NewMigration::name).toList();
        if (!outside.isEmpty() && !layout.options().isAutoCommit()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The plan has steps that must run outside a "
                    + "transaction (" + String.join(", ", outside) + "), and MyBatis runs every script of environment "
                    + environment + " in one transaction.", "Set auto_commit=true in " + settings + " (MyBatis has "
                            + "no setting per script), or run those steps by hand.", null);
        }
        try {
            BigInteger next = highestId(layout.scriptsDirectory()).add(BigInteger.ONE);
            List<Path> written = new ArrayList<>();
            for (NewMigration migration : migrations) {
                Path file = layout.scriptsDirectory().resolve(next + "_" + migration.name() + ".sql");
                Files.writeString(file, script(migration), Charset.forName(layout.charset()));
                written.add(file);
                next = next.add(BigInteger.ONE);
            }
            return written;
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot write into " + layout.scriptsDirectory()
                    + ": " + e.getMessage(), "Check that the directory is writable.", e);
        }
    }

    private static String script(NewMigration migration) {
        StringBuilder text = new StringBuilder("-- // " + migration.name().replace('_', ' ') + "\n");
        migration.comments().forEach(comment -> text.append("-- ").append(comment).append('\n'));
        text.append('\n');
        migration.statements().forEach(statement -> text.append(statement(statement)));
        text.append("\n-- //@UNDO\n\n");
        migration.undo().forEach(statement -> text.append(statement(statement)));
        return text.toString();
    }

    /** The statement and its end; a dollar-quoted body's inner semicolons must not end it. */
    private static String statement(String statement) {
        if (!statement.contains("$$")) {
            return statement + ";\n";
        }
        if (statement.contains(BODY_DELIMITER)) {
            throw new MigrateException(CoreErrorCode.INTERNAL, "A dollar-quoted statement for MyBatis contains '"
                    + BODY_DELIMITER + "', the delimiter its body runs under.", null);
        }
        return "-- @DELIMITER " + BODY_DELIMITER + "\n" + statement + "; -- " + BODY_DELIMITER + "\n-- @DELIMITER ;\n";
    }

    private static BigInteger highestId(Path scripts) throws IOException {
        BigInteger highest = BigInteger.ZERO;
        try (Stream<Path> files = Files.list(scripts)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher numbered = NUMBERED.matcher(file.getFileName().toString());
                if (numbered.matches()) {
                    highest = highest.max(new BigInteger(numbered.group(1)));
                }
            }
        }
        return highest;
    }
}

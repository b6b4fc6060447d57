package dev.optamigrate.tool.mybatis;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.ibatis.migration.Environment;
import org.apache.ibatis.migration.options.DatabaseOperationOption;

/**
 * MyBatis Migrations' standard layout under a base directory: {@code scripts/} with the numbered scripts (and
 * optionally {@code bootstrap.sql} and {@code onabort.sql}), and optionally
 * {@code environments/<environment>.properties} ({@code development} by default) for script settings (changelog table,
 * delimiter, charset,
 * variables). Connection settings in that file are ignored: the target comes from opta-migrate's settings.
 */
record MyBatisLayout(Path scriptsDirectory, String charset, Properties variables, DatabaseOperationOption options) {
    static final String SCRIPTS = "scripts";
    /** MyBatis' default name of the table that records applied scripts, also the {@code ${changelog}} variable. */
    static final String DEFAULT_CHANGELOG = "CHANGELOG";
    static final String ENVIRONMENTS = "environments";
    /** MyBatis' default environment, whose file may be left out. */
    static final String DEFAULT_ENVIRONMENT = "development";

    /**
     * @param environmentName whose {@code environments/<name>.properties} to read; a named environment other than
     *                        MyBatis' default must exist
     */
    static MyBatisLayout of(String location, String environmentName) {
        Path base = Path.of(location).toAbsolutePath().normalize();
        Path scripts = base.resolve(SCRIPTS);
        if (!Files.isDirectory(scripts)) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Migration location '" + location + "' has no "
                    + SCRIPTS + "/ directory.", "Point --location at the MyBatis Migrations base directory (the one "
                            + "that holds scripts/ and environments/).", null);
        }
        Path environmentFile = base.resolve(ENVIRONMENTS).resolve(environmentName + ".properties");
        if (!Files.isRegularFile(environmentFile) && !environmentName.equals(DEFAULT_ENVIRONMENT)) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "MyBatis environment '" + environmentName
                    + "' has no "
                    + "file " + base.relativize(environmentFile) + ".", "Give one of the environments in "
                            + ENVIRONMENTS + "/ with --mybatis-environment, or create that file.", null);
        }
        if (!Files.isRegularFile(environmentFile)) {
            Properties variables = new Properties();
            variables.setProperty(Environment.CHANGELOG, DEFAULT_CHANGELOG);
            return new MyBatisLayout(scripts, "UTF-8", variables, defaultOptions());
        }
        Environment environment = new Environment(environmentFile.toFile());
        DatabaseOperationOption options = defaultOptions();
        options.setChangelogTable(environment.getVariables().getProperty(Environment.CHANGELOG,
                DEFAULT_CHANGELOG));
        options.setThrowWarning(!environment.isIgnoreWarnings());
        options.setAutoCommit(environment.isAutoCommit());
        options.setFullLineDelimiter(environment.isFullLineDelimiter());
        options.setSendFullScript(environment.isSendFullScript());
        options.setRemoveCRs(environment.isRemoveCrs());
        options.setDelimiter(environment.getDelimiter());
        return new MyBatisLayout(scripts, environment.getScriptCharset(), environment.getVariables(), options);
    }

    static Optional<String> recognize(Path location) {
        Path scripts = location.resolve(SCRIPTS);
        if (!Files.isDirectory(scripts)) {
            return Optional.empty();
        }
        File[] sql = scripts.toFile().listFiles((dir, name) -> name.endsWith(".sql"));
        return sql == null || sql.length == 0 ? Optional.empty() : Optional.of(SCRIPTS + "/ directory with "
                + sql.length + " .sql files");
    }

    /** As MyBatis' own command line sets them, without {@code --force}. */
    private static DatabaseOperationOption defaultOptions() {
        DatabaseOperationOption options = new DatabaseOperationOption();
        options.setChangelogTable(DEFAULT_CHANGELOG);
        options.setStopOnError(true);
        options.setThrowWarning(false);
        options.setEscapeProcessing(false);
        options.setDelimiter(";");
        return options;
    }
}

package dev.optamigrate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.MigrationTool;
import dev.optamigrate.core.spi.NewMigration;
import dev.optamigrate.core.spi.ToolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase's writer beyond the YAML master the plan tests use: changesets included at the end of an XML master;
 * a JSON master is refused untouched.
 */
class LiquibaseWriterTest {
    private static final NewMigration INDEX = new NewMigration("index_orders_status", List.of("Indexes status."),
            List.of("CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status)"),
            List.of("DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx"), false);

    private final MigrationTool liquibase = MigrationTools.discover(getClass().getClassLoader()).byName("liquibase");

    @TempDir
    Path dir;

    @Test
    void anXmlMasterGetsAnIncludeBeforeItsEnd() throws Exception {
        Files.writeString(dir.resolve("db.changelog-master.xml"), "<databaseChangeLog>\n"
                + "    <include file=\"0001-base.sql\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>\n");
        Files.writeString(dir.resolve("0001-base.sql"), "--liquibase formatted sql\n");

        List<Path> written = liquibase.write(dir.toString(), ToolOptions.DEFAULTS, List.of(INDEX));

        assertThat(written).extracting(path -> path.getFileName().toString())
                .containsExactly("002-index_orders_status.sql", "db.changelog-master.xml");
        assertThat(Files.readString(dir.resolve("db.changelog-master.xml"))).endsWith("<include file=\"0001-base.sql\""
                + " relativeToChangelogFile=\"true\"/>\n    <include file=\"002-index_orders_status.sql\" "
                + "relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>\n");
        assertThat(Files.readString(written.get(0))).startsWith("--liquibase formatted sql\n\n--changeset "
                + "opta-migrate:002-index_orders_status runInTransaction:false\n-- Indexes status.\n")
                .endsWith("--rollback DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;\n");
    }

    @Test
    void aJsonMasterIsRefusedAndNothingIsWritten() throws Exception {
        Files.writeString(dir.resolve("db.changelog-master.json"), "{\"databaseChangeLog\": []}");

        assertThatThrownBy(() -> liquibase.write(dir.toString(), ToolOptions.DEFAULTS, List.of(INDEX)))
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
                    assertThat(failure.getMessage()).contains("YAML and XML changelogs only");
                });
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }
}

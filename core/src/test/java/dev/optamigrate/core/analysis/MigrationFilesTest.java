package dev.optamigrate.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsDirectoriesInPathOrderAndLeavesMyBatisUndoOut() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts/sub"));
        Files.writeString(scripts.resolve("b.sql"), "SELECT 2;");
        Files.writeString(dir.resolve("scripts/a.sql"), "-- // add\nALTER TABLE t ADD c int;\n\n-- //@UNDO\n"
                + "ALTER TABLE t DROP COLUMN c;\n");
        Files.writeString(dir.resolve("scripts/notes.txt"), "not SQL");

        List<MigrationScript> read = MigrationFiles.read(List.of(Path.of("scripts")), dir);

        assertThat(read).extracting(MigrationScript::file).containsExactly("scripts/a.sql", "scripts/sub/b.sql");
        assertThat(read.get(0).sql()).contains("ADD c int").doesNotContain("DROP COLUMN");
    }

    @Test
    void aDirectoryWithoutSqlFilesIsAnError() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> MigrationFiles.read(List.of(Path.of("empty")), dir))
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
                    assertThat(failure.getMessage()).contains("No .sql files in empty");
                });
    }
}

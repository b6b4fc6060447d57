package dev.optamigrate.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ToolOrderTest {
    @Test
    void flywayVersionsSortAsNumbersAndOtherFilesByPath() {
        List<String> sorted = Stream.of("R__views.sql", "V10__ten.sql", "sub/V2__two.sql", "V1.1__one_one.sql",
                "V1__one.sql", "V1_2__one_two.sql", "20250101000000_create_changelog.sql")
                .map(Path::of).sorted(new ToolOrder()).map(Path::toString).toList();

        assertThat(sorted).containsExactly("V1__one.sql", "V1.1__one_one.sql", "V1_2__one_two.sql",
                "sub/V2__two.sql", "V10__ten.sql", "20250101000000_create_changelog.sql", "R__views.sql");
    }
}

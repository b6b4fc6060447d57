package dev.optamigrate.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared safety cases: each file's header says which findings (warning and above) a correct check reports,
 * and for which PostgreSQL version.
 */
class SafetyCasesTest {
    private static final Pattern EXPECT = Pattern.compile("^-- expect:(.*)$", Pattern.MULTILINE);
    private static final Pattern PG = Pattern.compile("^-- pg:\\s*(\\d+)", Pattern.MULTILINE);
    private static final Pattern OUTSIDE_TRANSACTION = Pattern.compile("^-- transaction: none", Pattern.MULTILINE);

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path directory = Path.of(Objects.requireNonNull(SafetyCasesTest.class.getResource("/safety-cases"))
                .toURI());
        return Files.list(directory).filter(path -> path.toString().endsWith(".sql")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsWhatTheHeaderExpects(Path file) throws IOException {
        String sql = Files.readString(file);
        Matcher expect = EXPECT.matcher(sql);
        assertThat(expect.find()).as("the case states what it expects").isTrue();
        List<String> expected = Stream.of(expect.group(1).trim().split("\\s+"))
                .filter(rule -> !rule.equals("none")).sorted().toList();
        Matcher pg = PG.matcher(sql);
        int version = pg.find() ? Integer.parseInt(pg.group(1)) : 15;

        boolean transactional = !OUTSIDE_TRANSACTION.matcher(sql).find();

        CheckReport report = new StaticCheck(version).check(List.of(new MigrationScript(file.getFileName()
                .toString(), sql, transactional)));

        List<String> reported = report.findings().stream()
                .filter(finding -> finding.severity().atLeast(Severity.WARNING))
                .map(Finding::rule).sorted().toList();
        assertThat(reported).as(report.findings().toString()).isEqualTo(expected);
    }
}

package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --output github} and {@code --output gitlab}, held to the formats GitHub and GitLab document: the
 * workflow command grammar and its escaping, and the Code Quality report's required fields and severities.
 */
class CodeReviewOutputsTest {
    /** {@code ::command file=F,line=L,title=T::message}, with properties free of raw , : CR LF. */
    private static final Pattern WORKFLOW_COMMAND = Pattern.compile("::(error|warning|notice) "
            + "file=[^,:\\r\\n]+(,line=\\d+)?(,endLine=\\d+)?(,title=[^,:\\r\\n]*)?::[^\\r\\n]+");
    /** Every % in a value starts one of the runner's escapes. */
    private static final Pattern BARE_PERCENT = Pattern.compile("%(?!25|0D|0A|3A|2C)");
    private static final Set<String> GITLAB_SEVERITIES = Set.of("info", "minor", "major", "critical", "blocker");

    @TempDir
    Path dir;

    private Path migrations() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(migrations.resolve("V8__price,total.sql"), "SET lock_timeout = '2s';\n"
                + "CREATE INDEX orders_total_idx ON orders (total);\n"
                + "ALTER TABLE orders DROP COLUMN legacy_total;\n"
                + "ALTER TABLE orders ADD COLUMN attributes json;\n");
        return migrations;
    }

    @Test
    void githubAnnotationsFollowTheWorkflowCommandGrammar() throws Exception {
        migrations();

        Cli.Result result = Cli.run(dir, "check", "db/migration", "--output", "github");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(21);
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3).allSatisfy(line -> {
            assertThat(line).matches(WORKFLOW_COMMAND);
            assertThat(BARE_PERCENT.matcher(line).find()).as(line).isFalse();
        });
        assertThat(lines.get(0)).startsWith("::error file=db/migration/V8__price%2Ctotal.sql,line=2,"
                + "title=opta-migrate index-not-concurrent::").contains("%0AFix: ");
        assertThat(lines.get(1)).startsWith("::warning file=db/migration/V8__price%2Ctotal.sql,line=3,");
        assertThat(lines.get(2)).startsWith("::notice ").contains("title=opta-migrate json-column");
    }

    @Test
    void gitlabCodeQualityHasEveryRequiredFieldAndStableFingerprints() throws Exception {
        Path migrations = migrations();
        Cli.Result before = Cli.run(dir, "check", "db/migration", "--output", "gitlab");
        Path file = migrations.resolve("V8__price,total.sql");
        Files.writeString(file, "-- a comment above moves every line\n" + Files.readString(file));
        Cli.Result after = Cli.run(dir, "check", "db/migration", "--output", "gitlab");

        assertThat(before.exitCode()).as(before.all()).isEqualTo(21);
        JsonNode issues = new ObjectMapper().readTree(before.out());
        assertThat(issues.isArray()).isTrue();
        assertThat(issues).hasSize(3).allSatisfy(issue -> {
            assertThat(issue.get("description").asText()).isNotBlank();
            assertThat(issue.get("check_name").asText()).isNotBlank();
            assertThat(issue.get("fingerprint").asText()).matches("[0-9a-f]{64}");
            assertThat(GITLAB_SEVERITIES).contains(issue.get("severity").asText());
            assertThat(issue.get("location").get("path").asText()).isEqualTo("db/migration/V8__price,total.sql");
            assertThat(issue.get("location").get("lines").get("begin").asInt()).isPositive();
        });
        assertThat(issues.get(0).get("severity").asText()).isEqualTo("critical");
        assertThat(issues.get(0).get("check_name").asText()).isEqualTo("index-not-concurrent");
        assertThat(fingerprints(issues)).doesNotHaveDuplicates()
                .isEqualTo(fingerprints(new ObjectMapper().readTree(after.out())));
        assertThat(new ObjectMapper().readTree(after.out()).get(0).get("location").get("lines").get("begin")
                .asInt()).isEqualTo(3);
    }

    private static List<String> fingerprints(JsonNode issues) {
        List<String> all = new ArrayList<>();
        issues.forEach(issue -> all.add(issue.get("fingerprint").asText()));
        return all;
    }
}

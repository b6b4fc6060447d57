package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on Liquibase changelogs in XML and YAML, without a database: the SQL is what Liquibase generates
 * for PostgreSQL offline, and each finding is placed at its changeset's file and first line.
 */
class CheckChangelogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A changeset that builds an index on a table created elsewhere: index-not-concurrent. */
    private static final String COUNTRIES_INDEX = """
            databaseChangeLog:
              - changeSet:
                  id: countries-code
                  author: acme
                  changes:
                    - createIndex:
                        tableName: countries
                        indexName: countries_code_idx
                        columns:
                          - column: {name: code}
            """;

    @TempDir
    Path dir;

    @Test
    void aYamlChangelogWithAnIncludeIsCheckedAtItsChangesets() throws Exception {
        Files.writeString(dir.resolve("db.changelog-master.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: acme
                      changes:
                        - createTable:
                            tableName: orders
                            columns:
                              - column: {name: id, type: bigint}
                  - include:
                      file: changes/002.yaml
                      relativeToChangelogFile: true
                """);
        Files.createDirectories(dir.resolve("changes"));
        Files.writeString(dir.resolve("changes/002.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: 2
                      author: acme
                      changes:
                        - createIndex:
                            tableName: orders
                            indexName: orders_id_idx
                            columns:
                              - column: {name: id}
                  - changeSet:
                      id: customers-status
                      author: acme
                      changes:
                        - createIndex:
                            tableName: customers
                            indexName: customers_status_idx
                            columns:
                              - column: {name: status}
                """);

        Cli.Result result = Cli.run(dir, "check", ".", "--output", "json");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(21);
        JsonNode findings = JSON.readTree(result.out()).get("findings");
        assertThat(findings).as("orders is new in this changelog; customers is not")
                .filteredOn(finding -> finding.get("severity").asText().equals("error")).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.get("rule").asText()).isEqualTo("index-not-concurrent");
                    assertThat(finding.get("file").asText()).isEqualTo("changes/002.yaml");
                    assertThat(finding.get("line").asInt()).as("the changeset's id line").isEqualTo(12);
                    assertThat(finding.get("message").asText()).startsWith("Changeset customers-status: ");
                });
    }

    @Test
    void aChangesetCommentAcceptsAFindingWithItsReason() throws Exception {
        Path changelog = Files.writeString(dir.resolve("changelog.yaml"), COUNTRIES_INDEX.replace("      changes:",
                "      comment: \"opta-migrate:allow index-not-concurrent countries holds 250 rows\"\n      changes:"));

        Cli.Result result = Cli.run(dir, "check", changelog.toString(), "--output", "json");

        assertThat(result.exitCode()).as(result.all()).isZero();
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("suppressed")).singleElement().satisfies(accepted -> {
            assertThat(accepted.get("rule").asText()).isEqualTo("index-not-concurrent");
            assertThat(accepted.get("reason").asText()).isEqualTo("countries holds 250 rows");
            assertThat(accepted.get("file").asText()).isEqualTo("changelog.yaml");
        });
    }

    @Test
    void theConfigFilesAllowListAcceptsAChangesetById() throws Exception {
        Path changelog = Files.writeString(dir.resolve("changelog.yaml"), COUNTRIES_INDEX);
        Files.writeString(dir.resolve("opta-migrate.yaml"), """
                allow:
                  - migration: countries-code
                    rule: index-not-concurrent
                    reason: countries holds 250 rows
                """);

        Cli.Result result = Cli.run(dir, "check", changelog.toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("index-not-concurrent - countries holds 250 rows (allow list)");
    }

    @Test
    void anXmlChangelogIsReadAsLiquibaseReadsIt() throws Exception {
        Path changelog = Files.writeString(dir.resolve("changelog.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                  <changeSet id="add-total" author="acme">
                    <modifyDataType tableName="orders" columnName="total" newDataType="numeric(14,3)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        Cli.Result result = Cli.run(dir, "check", changelog.toString());

        assertThat(result.exitCode()).as(result.all()).isEqualTo(21);
        assertThat(result.out()).contains("changelog.xml:6: error rewrite-column-type",
                "ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 3)", "Changeset add-total:");
    }
}

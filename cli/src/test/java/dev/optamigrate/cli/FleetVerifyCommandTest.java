package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleet verify}: one rehearsal per version the tenants are at, on the largest, in its own schema's name. */
class FleetVerifyCommandTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void eachVersionIsRehearsedOnItsLargestTenantWithItsSizesAndNoDrift(TestDatabase db) throws Exception {
        Path location = Files.createDirectories(dir.resolve("db"));
        Files.writeString(location.resolve("V1__items.sql"), "CREATE TABLE items (id int PRIMARY KEY, name text);\n");
        Files.writeString(dir.resolve("tenants.txt"), "tenant_001\ntenant_002\ntenant_003\ntenant_004\n");
        Files.writeString(dir.resolve("three.txt"), "tenant_001\ntenant_002\ntenant_003\n");
        assertThat(fleet(db, "migrate", location, "tenants.txt").exitCode()).isZero();
        Files.writeString(location.resolve("V2__notes.sql"), "CREATE TABLE notes (id int);\n");
        assertThat(fleet(db, "migrate", location, "three.txt").exitCode()).isZero();
        db.execute("INSERT INTO tenant_002.items SELECT i, 'item ' || i FROM generate_series(1, 30000) i");
        db.execute("ANALYZE tenant_002.items");
        Files.writeString(location.resolve("V3__widen.sql"), "ALTER TABLE items ALTER COLUMN id TYPE bigint;\n");

        Cli.Result json = fleet(db, "verify", location, "tenants.txt", "--shadow-url", db.url(), "--output", "json");
        Cli.Result text = fleet(db, "verify", location, "tenants.txt", "--shadow-url", db.url());

        assertThat(json.exitCode()).as(json.all()).isEqualTo(21);
        JsonNode groups = JSON.readTree(json.out()).get("groups");
        assertThat(groups).extracting(group -> group.get("version").asText() + ":" + group.get("targets").asInt()
                + ":" + group.get("rehearsedOn").asText()).containsExactly("2:3:tenant_002", "1:1:tenant_004");
        JsonNode report = groups.get(0).get("report");
        assertThat(report.get("replayed").asInt()).isEqualTo(2);
        assertThat(report.get("estimated").asBoolean()).isTrue();
        JsonNode lock = report.at("/statements/0/locks/0");
        assertThat(lock.get("relation").asText()).isEqualTo("tenant_002.items");
        assertThat(lock.get("mode").asText()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(lock.at("/estimate/rows").asDouble()).isEqualTo(30000.0);
        assertThat(report.get("findings")).extracting(finding -> finding.get("rule").asText())
                .contains("measured-blocking-lock").doesNotContain("schema-drift");
        assertThat(groups.get(1).at("/report/replayed").asInt()).isEqualTo(1);
        assertThat(text.exitCode()).as(text.all()).isEqualTo(21);
        assertThat(text.out()).contains("Rehearsing for the 3 target(s) at version 2 on tenant_002, the largest",
                "Version 2 (3 target(s)), rehearsed on tenant_002:", "Version 1 (1 target(s)), rehearsed on "
                        + "tenant_004:");
        assertThat(db.column("SELECT data_type FROM information_schema.columns WHERE table_schema = 'tenant_002' "
                + "AND table_name = 'items' AND column_name = 'id'")).as("the tenant is never changed")
                .containsExactly("integer");
    }

    private Cli.Result fleet(TestDatabase db, String verb, Path location, String targets, String... more) {
        List<String> args = new ArrayList<>(List.of("fleet", verb, "--url", db.url(), "--location",
                location.toString(), "--targets", targets));
        args.addAll(List.of(more));
        return Cli.run(dir, args.toArray(String[]::new));
    }
}

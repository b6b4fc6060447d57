package dev.optamigrate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class WrongPasswordTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.withPasswordAuthentication();

    @Test
    void aWrongPasswordStopsTheApplicationWithTheFixAndIsNeverPrinted(TestDatabase db, CapturedOutput output) {
        Map<String, String> properties = Map.of("opta-migrate.tool", "flyway",
                "spring.datasource.username", PostgresExtension.APP_USER,
                "spring.datasource.password", "not-the-Pa55word");

        assertThatThrownBy(() -> TestApp.start(db, properties)).isNotNull();

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START",
                "opta-migrate could not migrate the database (AUTHENTICATION_FAILED)", "Action:",
                "the password in spring.datasource.password");
        assertThat(output.getOut() + output.getErr()).doesNotContain("not-the-Pa55word");
    }
}

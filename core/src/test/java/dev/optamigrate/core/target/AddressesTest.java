package dev.optamigrate.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"db.internal", "localhost", "10.0.0.5", "my_db-1.svc.cluster.local", "::1", "[::1]",
        "fe80::1%eth0", "2001:db8::42", "db.example.com."})
    void acceptsHostNamesAndAddresses(String host) {
        assertThat(Addresses.host(host, "DBHOST")).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:5432/app?password=S3cret&", "h/other", "app:S3cret@host", "h?x=1", "a b",
        "-leading", "", "  ", "a-label-that-is-far-too-long-for-dns-because-it-has-more-than-63-chars"})
    void refusesAnythingElseWithoutEchoingIt(String host) {
        MigrateException failure = catchThrowableOfType(MigrateException.class, () -> Addresses.host(host, "DBHOST"));

        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).startsWith("DBHOST");
        if (host.length() > 3) {
            assertThat(failure.getMessage() + failure.hint()).doesNotContain(host.strip());
        }
    }

    @Test
    void namesTheDelimitersItFound() {
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> Addresses.host("127.0.0.1:5432/app?password=S3cret&", "DBHOST"));

        assertThat(failure.getMessage()).contains("':'", "'/'", "'?'", "'='", "'&'").doesNotContain("S3cret");
    }

    @Test
    void portsAreOneTo65535() {
        assertThat(Addresses.port("5432", "DBPORT")).isEqualTo(5432);
        assertThat(Addresses.port(" 65535 ", "DBPORT")).isEqualTo(65535);
        for (String bad : new String[] {"0", "65536", "99999", "-1", "abc", ""}) {
            MigrateException failure = catchThrowableOfType(MigrateException.class, () -> Addresses.port(bad,
                    "DBPORT"));
            assertThat(failure.getMessage()).as(bad).contains("DBPORT", "1-65535");
        }
    }
}

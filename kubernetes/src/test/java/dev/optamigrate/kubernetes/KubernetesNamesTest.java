package dev.optamigrate.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"shop", "shop-api", "a", "a1",
            "x23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsLabels(String name) {
        assertThat(KubernetesNames.label(name, "The namespace")).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MyShop", "Bad Name!", "", "-shop", "shop-", "sh\u00f6p", "shop.api",
        "x234567890123456789012345678901234567890123456789012345678901234"})
    void refusesAnythingElseWithTheRule(String name) {
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> KubernetesNames.label(name, "The namespace (from --namespace)"));
        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).startsWith("The namespace (from --namespace) is ");
        assertThat(failure.hint()).contains("DNS-1123 label", "63 characters");
    }

    @Test
    void subdomainsMayHoldDots() {
        assertThat(KubernetesNames.subdomain("db.credentials", "The Secret")).isEqualTo("db.credentials");
        assertThat(catchThrowableOfType(MigrateException.class, () -> KubernetesNames.subdomain("db..x", "The Secret"))
                .hint()).contains("DNS-1123 subdomain");
    }
}

package dev.optamigrate.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    @ParameterizedTest
    @CsvSource({
        "registry.example.com/shop:v42, true",
        "shop@sha256:0123456789abcdef, true",
        "registry:5000/team/shop:1.2, true",
        "registry:5000/team/shop, false",
        "123.dkr.ecr.us-east-1.amazonaws.com/shop, false",
        "shop:, false",
        "shop, false"
    })
    void pinnedMeansATagOrADigest(String image, boolean pinned) {
        assertThat(ImageReference.pinned(image)).isEqualTo(pinned);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghcr.io/acme/shop-api:1.4.2", "registry:5000/team/shop:1.2", "shop:latest",
        "123.dkr.ecr.us-east-1.amazonaws.com/shop:v42",
        "shop@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void acceptsReferencesByTheGrammar(String image) {
        assertThat(ImageReference.requireValid(image, "The image")).isEqualTo(image);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop:1.0;rm -rf /", "shop:$(id)", "Shop:1.0", "shop 1.0", "shop:", "", "-shop:1",
        "shop@sha256:short"})
    void refusesWhatTheGrammarDoesNot(String image) {
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> ImageReference.requireValid(image, "The image (from --image)"));
        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).contains("The image (from --image) is not a valid image reference");
    }

    @Test
    void refusesAnImageWithoutTagOrDigest() {
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> ImageReference.requireValid("ghcr.io/acme/shop", "The image"));
        assertThat(failure.getMessage()).contains("no tag or digest");
    }
}

package dev.optamigrate.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}

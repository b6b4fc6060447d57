package dev.optamigrate.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {
    private final LabelSelector selector = new LabelSelectorBuilder().addToMatchLabels("app", "shop")
            .addNewMatchExpression().withKey("track").withOperator("In").withValues("stable", "canary")
            .endMatchExpression()
            .addNewMatchExpression().withKey("tier").withOperator("NotIn").withValues("batch").endMatchExpression()
            .addNewMatchExpression().withKey("release").withOperator("Exists").endMatchExpression()
            .addNewMatchExpression().withKey("debug").withOperator("DoesNotExist").endMatchExpression()
            .build();

    @Test
    void labelsThatMeetEveryRequirementMatch() {
        assertThat(LabelSelectors.matches(selector, Map.of("app", "shop", "track", "canary", "release", "v42")))
                .isTrue();
    }

    @Test
    void eachRequirementCanRefuse() {
        Map<String, String> good = Map.of("app", "shop", "track", "stable", "release", "v42");
        assertThat(LabelSelectors.matches(selector, with(good, "app", "billing"))).isFalse();
        assertThat(LabelSelectors.matches(selector, with(good, "track", "beta"))).isFalse();
        assertThat(LabelSelectors.matches(selector, with(good, "tier", "batch"))).isFalse();
        assertThat(LabelSelectors.matches(selector, Map.of("app", "shop", "track", "stable"))).isFalse();
        assertThat(LabelSelectors.matches(selector, with(good, "debug", "true"))).isFalse();
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> copy = new HashMap<>(labels);
        copy.put(key, value);
        return copy;
    }
}

package dev.optamigrate.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a label selector, {@code matchLabels} and {@code matchExpressions} ({@code In}, {@code NotIn},
 * {@code Exists}, {@code DoesNotExist}) together, as the API server does; for lists that were narrowed on the
 * server by {@code matchLabels} only.
 */
public final class LabelSelectors {
    private LabelSelectors() {
    }

    /** True when the labels satisfy every requirement of the selector; a selector without any matches all. */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> present = labels == null ? Map.of() : labels;
        if (selector == null) {
            return true;
        }
        Map<String, String> required = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        boolean labelsMatch = required.entrySet().stream().allMatch(entry -> entry.getValue().equals(present.get(
                entry.getKey())));
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions() == null ? List.of()
                : selector.getMatchExpressions();
        return labelsMatch && expressions.stream().allMatch(expression -> satisfies(expression, present));
    }

    private static boolean satisfies(LabelSelectorRequirement expression, Map<String, String> labels) {
        String value = labels.get(expression.getKey());
        List<String> values = expression.getValues() == null ? List.of() : expression.getValues();
        return switch (expression.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> labels.containsKey(expression.getKey());
            case "DoesNotExist" -> !labels.containsKey(expression.getKey());
            default -> false;
        };
    }
}

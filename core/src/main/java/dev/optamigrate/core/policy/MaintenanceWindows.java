package dev.optamigrate.core.policy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The maintenance windows a target's runs must start in; none means any time.
 *
 * @param windows the windows, in the order written
 */
public record MaintenanceWindows(List<MaintenanceWindow> windows) {
    /** No window: runs may start at any time. */
    public static final MaintenanceWindows ANY_TIME = new MaintenanceWindows(List.of());

    public MaintenanceWindows {
        windows = List.copyOf(windows);
    }

    /** Windows separated by {@code ;}. */
    public static MaintenanceWindows parse(String value, String source) {
        return new MaintenanceWindows(Arrays.stream(value.split(";")).map(String::strip).filter(text -> !text.isEmpty())
                .map(text -> MaintenanceWindow.parse(text, source)).toList());
    }

    public boolean anyTime() {
        return windows.isEmpty();
    }

    /** The opening that contains the instant and stays open longest, if one does. */
    public Optional<MaintenanceWindow.Opening> openingAt(Instant instant) {
        return windows.stream().flatMap(window -> window.openingAt(instant).stream())
                .max(Comparator.comparing(opening -> opening.end().toInstant()));
    }

    /** The first opening of any window after the instant. */
    public MaintenanceWindow.Opening nextAfter(Instant instant) {
        return windows.stream().map(window -> window.nextAfter(instant))
                .min(Comparator.comparing(opening -> opening.start().toInstant())).orElseThrow();
    }

    @Override
    public String toString() {
        return windows.stream().map(MaintenanceWindow::text).collect(Collectors.joining("; "));
    }
}

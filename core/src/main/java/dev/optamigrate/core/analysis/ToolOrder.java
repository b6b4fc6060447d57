package dev.optamigrate.core.analysis;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order a tool runs the files of a directory in: Flyway's versioned files by version ({@code V2} before
 * {@code V10}, {@code V1.1} before {@code V1.2}), then everything else by path, which is MyBatis' order (its
 * file names start with a timestamp) and Flyway's for repeatable migrations.
 */
final class ToolOrder implements Comparator<Path> {
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.*", Pattern.CASE_INSENSITIVE);

    @Override
    public int compare(Path a, Path b) {
        Matcher first = VERSIONED.matcher(a.getFileName().toString());
        Matcher second = VERSIONED.matcher(b.getFileName().toString());
        boolean firstVersioned = first.matches();
        boolean secondVersioned = second.matches();
        if (firstVersioned && secondVersioned) {
            int byVersion = compareVersions(first.group(1), second.group(1));
            return byVersion != 0 ? byVersion : a.compareTo(b);
        }
        if (firstVersioned != secondVersioned) {
            return firstVersioned ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static int compareVersions(String a, String b) {
        String[] first = a.split("[._]+");
        String[] second = b.split("[._]+");
        for (int i = 0; i < Math.max(first.length, second.length); i++) {
            BigInteger left = i < first.length && !first[i].isEmpty() ? new BigInteger(first[i]) : BigInteger.ZERO;
            BigInteger right = i < second.length && !second[i].isEmpty() ? new BigInteger(second[i]) : BigInteger.ZERO;
            int compared = left.compareTo(right);
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }
}

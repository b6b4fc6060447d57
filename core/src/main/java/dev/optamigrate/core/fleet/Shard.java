package dev.optamigrate.core.fleet;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One shard of a fleet, as one pod of an Indexed Job runs it: the members whose name hashes to its index. The
 * hash (CRC-32 of the name, modulo the count) depends on the name alone, so every pod, the command that follows
 * them, and a retried pod agree on who is whose, whatever order a list or a query gives the names in.
 *
 * @param index this shard, from 0
 * @param count how many shards the fleet is cut into
 */
public record Shard(int index, int count) {
    private static final Pattern INDEX_OF_COUNT = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Shard " + index + " of " + count + " does not "
                    + "exist.", "Give the shard as INDEX/COUNT with 0 <= INDEX < COUNT, e.g. 0/4.", null);
        }
    }

    /** {@code INDEX/COUNT}, e.g. {@code 2/4}. */
    public static Shard parse(String value) {
        Matcher matcher = INDEX_OF_COUNT.matcher(value.strip());
        if (!matcher.matches()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "\"" + value + "\" is not a shard.", "Give it as "
                    + "INDEX/COUNT, e.g. 0/4; in an Indexed Job's pod the index is $(JOB_COMPLETION_INDEX).", null);
        }
        return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** The index of the shard that a member of this name belongs to, out of {@code count}. */
    public static int of(String name, int count) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % count);
    }

    /** The members of this shard, in list order. */
    public List<FleetTarget> select(List<FleetTarget> members) {
        return members.stream().filter(member -> of(member.name(), count) == index).toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}

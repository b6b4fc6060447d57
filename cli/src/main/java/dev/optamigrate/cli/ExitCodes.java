package dev.optamigrate.cli;

import dev.optamigrate.core.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** Lists the exit codes, taken from {@link ErrorCode}, in the help of every command. */
final class ExitCodes {
    private ExitCodes() {
    }

    static void addToHelp(CommandLine commandLine) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "Success (for `startup`: the server's own exit code once it has started).");
        for (ErrorCode code : ErrorCode.values()) {
            codes.put(Integer.toString(code.exitCode()), code.name() + ": " + code.summary());
        }
        apply(commandLine, codes);
    }

    private static void apply(CommandLine commandLine, Map<String, String> codes) {
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        commandLine.getSubcommands().values().forEach(sub -> apply(sub, codes));
    }
}

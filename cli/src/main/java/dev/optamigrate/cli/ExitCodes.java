package dev.optamigrate.cli;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.ErrorCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** Lists the exit codes of every module's {@link ErrorCode}s, in the help of every command. */
final class ExitCodes {
    private ExitCodes() {
    }

    static void addToHelp(CommandLine commandLine) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "Success (for `startup`: the server's own exit code once it has started).");
        for (ErrorCode code : ErrorCodes.all()) {
            codes.put(Integer.toString(code.exitCode()), code.name() + ": " + code.summary());
        }
        apply(commandLine, codes);
    }

    private static void apply(CommandLine commandLine, Map<String, String> codes) {
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        commandLine.getSubcommands().values().forEach(sub -> apply(sub, codes));
    }
}

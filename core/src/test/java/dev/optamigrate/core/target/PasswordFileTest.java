package dev.optamigrate.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFirstLineWithoutItsLineBreak() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "s3cret\r\nsecond line\n");

        Password password = PasswordFile.read(file, "--password-file");

        assertThat(password.reveal()).isEqualTo("s3cret");
        assertThat(password.source()).isEqualTo("--password-file");
    }

    @Test
    void refusesADeviceBeforeReadingIt() {
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> PasswordFile.read(Path.of("/dev/zero"), "--password-file"));

        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).contains("/dev/zero", "not a regular file");
    }

    @Test
    void refusesADirectoryALargeFileAndBinary() throws Exception {
        assertThat(refusal(dir)).contains("not a regular file");
        assertThat(refusal(Files.write(dir.resolve("big"), new byte[PasswordFile.MAX_BYTES + 1])))
                .contains("larger than 4096 bytes");
        assertThat(refusal(Files.write(dir.resolve("bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00})))
                .contains("not UTF-8");
        assertThat(refusal(dir.resolve("missing"))).contains("does not exist");
    }

    @Test
    void dropsTheTrailingLineBreakOfAVariable() {
        assertThat(PasswordFile.withoutLineBreak("pw\n")).isEqualTo("pw");
        assertThat(PasswordFile.withoutLineBreak("pw\r\n")).isEqualTo("pw");
        assertThat(PasswordFile.withoutLineBreak("p w ")).isEqualTo("p w ");
    }

    private static String refusal(Path file) {
        return catchThrowableOfType(MigrateException.class, () -> PasswordFile.read(file, "--password-file"))
                .getMessage();
    }
}

package dev.optamigrate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.migration.DataSourceConnectionProvider;
import org.apache.ibatis.migration.FileMigrationLoader;
import org.apache.ibatis.migration.operations.UpOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Why the lock matters: MyBatis Migrations alone, through its raw API, applies a script twice when two runs
 * start together. (The same scripts under opta-migrate apply once: see the CLI's concurrency test.)
 */
class MyBatisWithoutLockTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Test
    void twoRawUpOperationsBothRunTheSameScript(TestDatabase db, @TempDir Path dir) throws Exception {
        db.execute("CREATE TABLE changelog (id numeric(20,0) PRIMARY KEY, applied_at varchar(25) NOT NULL, "
                + "description varchar(255) NOT NULL)");
        db.execute("CREATE TABLE applied_log (script int)");
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("20250101000001_log_once.sql"),
                "-- // log once\nINSERT INTO applied_log VALUES (1);\nSELECT pg_sleep(1);\n-- //@UNDO\n");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.url());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> up(dataSource, scripts, start));
            Future<?> second = pool.submit(() -> up(dataSource, scripts, start));
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(db.column("SELECT count(*) FROM applied_log WHERE script = 1")).containsExactly("2");
    }

    private static Void up(PGSimpleDataSource dataSource, Path scripts, CyclicBarrier start) throws Exception {
        start.await();
        try {
            new UpOperation().operate(new DataSourceConnectionProvider(dataSource),
                    new FileMigrationLoader(new File(scripts.toString()), "UTF-8", new Properties()), null, null);
        } catch (RuntimeException e) {
            // the slower run fails to record the script (the changelog row exists), after running it
        }
        return null;
    }
}

package dev.optamigrate.tool.mybatis;

import dev.optamigrate.core.spi.MigrationTool;
import dev.optamigrate.core.spi.MigrationToolProvider;
import dev.optamigrate.core.tool.MigrationTools;
import java.nio.file.Path;
import java.util.Optional;

/** Registers MyBatis Migrations under the name {@code mybatis}. */
public final class MyBatisToolProvider implements MigrationToolProvider {

    @Override
    public String name() {
        return MyBatisTool.NAME;
    }

    @Override
    public boolean isAvailable() {
        return MigrationTools.onClasspath("org.apache.ibatis.migration.operations.UpOperation", getClass().getClassLoader());
    }

    @Override
    public MigrationTool create() {
        return new MyBatisTool();
    }

    @Override
    public Optional<String> recognize(Path location) {
        return MyBatisLayout.recognize(location);
    }
}

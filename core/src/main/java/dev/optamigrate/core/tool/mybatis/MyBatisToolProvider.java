package dev.optamigrate.core.tool.mybatis;

import dev.optamigrate.core.spi.MigrationTool;
import dev.optamigrate.core.spi.MigrationToolProvider;
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
        try {
            Class.forName("org.apache.ibatis.migration.operations.UpOperation", false, getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
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

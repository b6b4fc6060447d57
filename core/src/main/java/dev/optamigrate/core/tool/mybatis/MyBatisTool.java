package dev.optamigrate.core.tool.mybatis;

import dev.optamigrate.core.spi.MigrationSession;
import dev.optamigrate.core.spi.MigrationTool;
import dev.optamigrate.core.spi.ToolContext;
import java.io.File;
import org.apache.ibatis.migration.DataSourceConnectionProvider;
import org.apache.ibatis.migration.FileMigrationLoader;

/** MyBatis Migrations 3.5, driven through its operations API ({@code UpOperation}, {@code StatusOperation}...). */
final class MyBatisTool implements MigrationTool {
    static final String NAME = "mybatis";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MigrationSession open(ToolContext context) {
        MyBatisLayout layout = MyBatisLayout.of(context.location());
        FileMigrationLoader loader = new FileMigrationLoader(new File(layout.scriptsDirectory().toString()),
                layout.charset(), layout.variables());
        return new MyBatisSession(new DataSourceConnectionProvider(context.dataSource()), loader, layout.options(),
                context.events());
    }
}

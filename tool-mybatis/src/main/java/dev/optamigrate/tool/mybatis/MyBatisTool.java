package dev.optamigrate.tool.mybatis;

import dev.optamigrate.core.spi.MigrationSession;
import dev.optamigrate.core.spi.MigrationTool;
import dev.optamigrate.core.spi.NewMigration;
import dev.optamigrate.core.spi.ToolContext;
import dev.optamigrate.core.spi.ToolOptions;
import java.nio.file.Path;
import java.util.List;

/** MyBatis Migrations 3.5, driven through its operations API ({@code UpOperation}, {@code StatusOperation}...). */
final class MyBatisTool implements MigrationTool {
    static final String NAME = "mybatis";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MigrationSession open(ToolContext context) {
        MyBatisLayout layout = MyBatisLayout.of(context.location(), context.options().environment());
        if (layout.options().isAutoCommit()) {
            return new MyBatisSession(new AutoCommitConnections(context.dataSource()), layout, context.events(),
                    ScriptBoundaries.NONE);
        }
        ScriptCommits connections = new ScriptCommits(context.dataSource());
        return new MyBatisSession(connections, layout, context.events(), connections);
    }

    @Override
    public List<Path> write(String location, ToolOptions options, List<NewMigration> migrations) {
        return MyBatisWriter.write(location, options.environment(), migrations);
    }
}

package dev.optamigrate.core.connect;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A data source whose every connection gets the run's session settings before it is handed out. */
final class SettingDataSource extends DelegatingDataSource {
    private final SessionSettings settings;

    SettingDataSource(DataSource delegate, SessionSettings settings) {
        super(delegate);
        this.settings = settings;
    }

    @Override
    protected void handOut(Connection connection) throws SQLException {
        settings.apply(connection);
    }
}

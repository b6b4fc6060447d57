package dev.optamigrate.tool.mybatis;

/** Told when each script starts and ends, after MyBatis has recorded it (or found nothing left to record in). */
interface ScriptBoundaries {
    ScriptBoundaries NONE = new ScriptBoundaries() {
        @Override
        public void starts() {
        }

        @Override
        public void ends() {
        }
    };

    void starts();

    void ends();
}

package dev.fap.model.warehouse;

import dev.fap.core.Database;
import dev.fap.core.bronze.BronzeTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Loads the small hand-written bronze dataset {@code bronze_fixture.sql} (with known dirty rows). */
final class BronzeFixture {
    private BronzeFixture() {}

    /** Creates the bronze tables (empty) and runs the fixture script into them. */
    static void load(Database db) {
        String script;
        try (InputStream in = BronzeFixture.class.getResourceAsStream("bronze_fixture.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            for (BronzeTable t : BronzeTable.values()) {
                s.execute("drop table if exists bronze." + t.tableName());
                s.execute(t.createTableSql("bronze"));
            }
            s.execute(script);
        } catch (SQLException e) {
            throw new IllegalStateException("loading the bronze fixture failed: " + e.getMessage(), e);
        }
    }
}

package dev.fap.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.model.BuildResult;
import dev.fap.model.TestResult;
import dev.fap.model.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FapDatabaseExtension.class)
class FixtureWarehouseTest {
    @Test
    void buildsAndTestsTheFixture(Database db) {
        BronzeFixture.load(db);
        Warehouse wh = FapWarehouse.on(db);
        BuildResult b = wh.build();
        System.out.println(b);
        b.orThrow();
        TestResult t = wh.test();
        System.out.println(t);
        assertThat(b.ok()).isTrue();
    }
}

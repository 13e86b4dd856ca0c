package dev.fap.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.fap.core.Database;
import dev.fap.core.bronze.BronzeTable;
import dev.fap.core.testing.FapDatabaseExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FapDatabaseExtension.class)
class EmbedInYourApplicationTest {
    @Test
    void runsOnTheApplicationsOwnPoolAndLeavesItOpen(Database server) throws Exception {
        HikariDataSource fapPool = (HikariDataSource) server.dataSource();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (HikariDataSource appPool = EmbedInYourApplication.applicationPool(fapPool.getJdbcUrl(), fapPool.getUsername(),
                fapPool.getPassword())) {
            EmbedInYourApplication.Outcome o = EmbedInYourApplication.run(appPool, new PrintStream(buffer, true, StandardCharsets.UTF_8));

            assertThat(o.generated().rows(BronzeTable.TRANSACTIONS)).isEqualTo(5_000);
            assertThat(o.build().ok()).isTrue();
            assertThat(o.checks().failed()).isZero();
            assertThat(o.checks().passed() + o.checks().warned()).as("every check ran beside the build").isGreaterThanOrEqualTo(140);
            // the analysis counts exactly the transactions gold holds, and the app reads the same count through its pool
            long gold = server.dsl().fetchSingle("select count(*) from gold.fact_transactions").get(0, Long.class);
            assertThat(o.goldTransactions()).isEqualTo(gold).isEqualTo(o.kpis().transactions()).isBetween(4_900L, 5_000L);
            long bronzeCustomers = server.dsl().fetchSingle("select count(distinct customer_id) from bronze.customers").get(0, Long.class);
            assertThat(o.kpis().customers()).isEqualTo(bronzeCustomers);

            assertThat(appPool.isClosed()).as("FAP must not close the application's pool").isFalse();
            try (var c = appPool.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
            assertThat(appPool.getPoolName()).isEqualTo("my-application");
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8)).startsWith("FAP on application DataSource\n")
                .contains("gold.fact_transactions holds");
    }
}

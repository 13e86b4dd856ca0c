package dev.fap.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused before any work, with the problem and the fix named. */
class BadInputTest {
    @Test
    void countsRatesAndDatesAreValidated() {
        DatasetSpec d = DatasetSpec.defaults();
        expect(() -> d.withCustomers(0), "customers must be between 1 and 9,999,999, was 0", "--customers");
        expect(() -> d.withCustomers(-3), "was -3", "--customers");
        expect(() -> d.withTransactions(-1), "transactions must be between 0", "--transactions");
        expect(() -> d.withMerchants(5), "merchants must be between 10", "default (400)");
        expect(() -> d.withCampaigns(-1), "campaigns must be between 0", "0 for none");
        expect(() -> d.withPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1)), "end date 2023-01-01 is before start date 2024-01-01",
                "--start 2023-01-01 --end 2024-12-31");
        expect(() -> d.withDirtyRate(1.5), "dirty rate must be in [0, 0.5], was 1.5", "0.01");
        expect(() -> d.withDirtyRate(Double.NaN), "dirty rate must be in [0, 0.5], was NaN", "0.01");
        expect(() -> d.withThreads(0), "threads must be between 1 and 256", "availableProcessors");
        expect(() -> d.withPeriod(LocalDate.of(1900, 1, 1), LocalDate.of(1901, 1, 1)), "outside 1950-2200", "1950");
    }

    @Test
    void unwritableOutputIsRefusedBeforeGenerating(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        DataGenerator gen = DataGenerator.of(DatasetSpec.defaults().withCustomers(10).withTransactions(100).withMerchants(10));
        assertThatThrownBy(() -> gen.toCsv(file.resolve("sub"))).isInstanceOfSatisfying(FapException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR);
            assertThat(e.getMessage()).contains("cannot create output folder");
            assertThat(e.hint()).contains("--out");
        });
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void aFailedWriteLeavesNoCompleteLookingFile(@TempDir Path dir) {
        DataGenerator gen = DataGenerator.of(DatasetSpec.defaults().withCustomers(20).withTransactions(500).withMerchants(10));
        RuntimeException boom = new IllegalStateException("disk full");
        assertThatThrownBy(() -> gen.forEachRow(r -> {
            throw boom;
        })).isSameAs(boom);
        // a CSV sink abandoned half-way (crash, exception) leaves neither final nor temporary files
        try (dev.fap.generator.internal.CsvSink sink = new dev.fap.generator.internal.CsvSink(dir)) {
            gen.inMemory().transactions().subList(0, 100).forEach(sink::accept);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        gen.toCsv(dir);
        assertThat(dir.resolve("transactions.csv")).exists();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList()).isEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void zeroTransactionsIsAValidDataset() {
        FinancialDataset ds = DataGenerator.of(DatasetSpec.defaults().withCustomers(5).withTransactions(0).withMerchants(10)).inMemory();
        assertThat(ds.transactions()).isEmpty();
        assertThat(ds.customers()).hasSize(5);
        assertThat(ds.fraudAlerts()).isEmpty();
    }

    private static void expect(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message, String hint) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FapException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains(message);
            assertThat(e.hint()).contains(hint);
        });
    }
}

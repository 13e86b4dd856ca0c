package dev.fap.core.bronze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/**
 * The COPY binary writer gives PostgreSQL exactly the values the COPY text writer gives it: the same
 * rows written both ways into twin tables of every column type compare equal, edge values included.
 */
@ExtendWith(FapDatabaseExtension.class)
class BronzeCopyBinaryTest {
    /** One column of each type, and text columns that receive numbers, booleans and dates. */
    private static final List<Column> COLUMNS = List.of(
            new Column("t", ColumnType.TEXT, true, "text"),
            new Column("i", ColumnType.INTEGER, true, "int4"),
            new Column("b", ColumnType.BIGINT, true, "int8"),
            new Column("m", ColumnType.MONEY, true, "numeric(14,2)"),
            new Column("d", ColumnType.DECIMAL, true, "numeric(14,4)"),
            new Column("f", ColumnType.DOUBLE, true, "float8"),
            new Column("o", ColumnType.BOOLEAN, true, "bool"),
            new Column("dt", ColumnType.DATE, true, "date"),
            new Column("ts", ColumnType.TIMESTAMP, true, "timestamp"),
            new Column("tn", ColumnType.TEXT, true, "a number as text"),
            new Column("tb", ColumnType.TEXT, true, "a boolean as text"),
            new Column("td", ColumnType.TEXT, true, "a timestamp as text"),
            new Column("di", ColumnType.DOUBLE, true, "an integer into float8"),
            new Column("mi", ColumnType.MONEY, true, "an integer into numeric"),
            new Column("tsd", ColumnType.TIMESTAMP, true, "a date into timestamp"));

    private record Row(String t, Integer i, Long b, Double m, Double d, Double f, int fDecimals, Boolean o, LocalDate dt,
                       LocalDateTime ts, double tn, boolean tb, LocalDateTime td, long di, long mi, LocalDate tsd) {
        void writeTo(BronzeRowWriter w) {
            w.text(t).integer(i);
            if (b == null) {
                w.nul();
            } else {
                w.integer(b.longValue());
            }
            w.money(m).decimal(d);
            if (f == null) {
                w.nul();
            } else {
                w.fixed(f, fDecimals);
            }
            w.bool(o).date(dt).timestamp(ts).fixed(tn, 3).bool(tb).timestamp(td).integer(di).integer(mi).date(tsd).endRow();
        }
    }

    private static final LocalDate DAY = LocalDate.of(2024, 2, 29);
    private static final LocalDateTime TIME = LocalDateTime.of(2023, 6, 30, 23, 59, 59);

    private static final List<Row> ROWS = List.of(
            new Row("plain", 0, 0L, 0.0, 0.0, 0.0, 6, false, DAY, TIME, 0, false, TIME, 0, 0, DAY),
            new Row("Zoë 漢 😀 tab\there\nback\\slash", Integer.MAX_VALUE, Long.MAX_VALUE, 1234.5, 0.12345, 40.712776, 6, true,
                    LocalDate.of(1999, 12, 31), LocalDateTime.of(1970, 1, 1, 0, 0, 0), -12.34567, true,
                    LocalDateTime.of(1899, 1, 1, 12, 0, 1), (1L << 53) + 1, 123_456_789_012L, LocalDate.of(2000, 1, 1)),
            new Row("", Integer.MIN_VALUE, Long.MIN_VALUE, -0.004, -98_765_432.12345, -74.005974, 6, null,
                    LocalDate.of(2000, 1, 1), LocalDateTime.of(2000, 1, 1, 0, 0, 0), 1e-4, false,
                    LocalDateTime.of(2030, 12, 31, 0, 0, 0), -7, -10_000, LocalDate.of(1970, 1, 1)),
            new Row(null, null, null, null, null, null, 6, null, null, null, 5e12, true, TIME, 1, 1, null),
            new Row("x".repeat(30_000), -1, -1L, 10_000.0, 0.0001, 1.0e15 / 7, 1, true, DAY, TIME, -0.0004, false, TIME, 10_000, 99_999_999_999L, DAY),
            new Row("rounding", 1, 1L, 9_999_999_999.995, 12_345_678.00005, 123.45, 1, false, DAY, TIME, 0.0005, true, TIME, 2, 100, DAY),
            new Row("cents", 2, 2L, -100.0, -0.00005, -0.05, 1, false, DAY, TIME, 100, true, TIME, 3, -9999, DAY));

    @Test
    void binaryAndTextCopiesOfTheSameRowsAreEqual(Database db) throws Exception {
        String ddl = COLUMNS.stream().map(Column::ddl).collect(Collectors.joining(", "));
        String names = COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));
        db.dsl().execute("create table public.copy_text (" + ddl + ", batch bigint)");
        db.dsl().execute("create table public.copy_binary (" + ddl + ", batch bigint)");

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (BronzeRowWriter w = BronzeRowWriter.withRowSuffix(text, BronzeRowWriter.Format.COPY_TEXT, "\t7")) {
            ROWS.forEach(r -> r.writeTo(w));
        }
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        try (BronzeRowWriter w = BronzeRowWriter.copyBinary(binary, COLUMNS, new byte[] {0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 7}, 1)) {
            ROWS.forEach(r -> r.writeTo(w));
            assertThat(w.rows()).isEqualTo(ROWS.size());
        }
        try (Connection c = db.connection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            assertThat(copy.copyIn("copy public.copy_text (" + names + ", batch) from stdin with (format text)",
                    new ByteArrayInputStream(text.toByteArray()))).isEqualTo(ROWS.size());
            assertThat(copy.copyIn("copy public.copy_binary (" + names + ", batch) from stdin with (format binary)",
                    new ByteArrayInputStream(binary.toByteArray()))).isEqualTo(ROWS.size());
        }
        // every value, its text form included (numeric scale, float digits), in the same row order
        String rows = "select md5(string_agg(r::text, E'\\n' order by coalesce(r.i, 0), r.m nulls first)) from public.%s r";
        assertThat(db.dsl().fetchSingle(String.format(rows, "copy_binary")).get(0, String.class))
                .isEqualTo(db.dsl().fetchSingle(String.format(rows, "copy_text")).get(0, String.class));
        assertThat(db.dsl().fetchSingle("select count(*) from (select * from public.copy_text except all select * from public.copy_binary) x"
                + " full join (select * from public.copy_binary except all select * from public.copy_text) y on false").get(0, Long.class))
                .isZero();
        // spot checks of the encodings (the 30,000-character row left out of the message)
        String shown = db.dsl().fetchSingle("select string_agg(r::text, E'\\n') from public.copy_binary r where length(r.t) < 100 or r.t is null")
                .get(0, String.class);
        assertThat(shown).contains("1234.50", "40.712776", "-74.005974", "1999-12-31", "1899-01-01 12:00:01", "-100.00",
                "5000000000000.000", "-12.346", "9.007199254740992e+15", "123456789012.00", "\"Zoë 漢 😀 tab\there");
        assertThat(db.dsl().fetchSingle("select m, f from public.copy_binary where length(t) = 30000").intoArray())
                .containsExactly(new java.math.BigDecimal("10000.00"), 142857142857142.9);
    }

    @Test
    void valuesThatDoNotFitTheirColumnAreRefusedByName() {
        List<Column> cols = List.of(new Column("n", ColumnType.INTEGER, true, "int4"), new Column("d", ColumnType.DATE, true, "date"));
        assertRefused(cols, w -> w.integer(1L << 40), "out of range for integer column n");
        assertRefused(cols, w -> w.text("12"), "column n is integer: write it with its typed method");
        assertRefused(cols, w -> w.integer(1).bool(true), "column d is date, not a boolean");
        assertRefused(cols, w -> w.integer(1).endRow(), "a row of 2 columns got 1 values");
        assertRefused(cols, w -> w.integer(1).date(DAY).integer(2), "a row of 2 columns got more values");
        assertRefused(cols, w -> w.fixed(1.5, 1), "column n is an integer, not 1.5");
    }

    private static void assertRefused(List<Column> cols, Consumer<BronzeRowWriter> write, String message) {
        BronzeRowWriter w = BronzeRowWriter.copyBinary(new ByteArrayOutputStream(), cols, new byte[0], 0);
        assertThatThrownBy(() -> write.accept(w)).hasMessageContaining(message);
    }
}

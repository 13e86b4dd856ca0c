package dev.fap.core.bronze;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Writes bronze rows field by field, fast and byte-exact, as RFC 4180 CSV (what {@code fap
 * generate} writes), in PostgreSQL's COPY text format, or in its COPY binary format (what {@link
 * BronzeBatch} streams into the database: the server parses no digits, which saves about a quarter of
 * its CPU per row).
 *
 * <p>Numbers are written with a fixed number of decimals computed from integers, never through
 * {@link Double#toString}, so the bytes are the same on every JVM version and machine. Money is
 * rounded half-up to cents, {@link ColumnType#DECIMAL} to four decimals. A null is an empty unquoted
 * field in CSV (an empty string is written as {@code ""}) and {@code \N} in COPY text.
 *
 * <p>A binary writer knows its table's columns and encodes each value as its column's type wants
 * it (a {@link #fixed} value is a {@code numeric} for a money column, a {@code float8} for a double
 * column, its decimal text for a text column), giving exactly the values that COPY text would give.
 *
 * <pre>{@code
 * try (BronzeRowWriter w = BronzeRowWriter.csv(Files.newOutputStream(path))) {
 *     w.header(BronzeTable.PRODUCTS.columnNames());
 *     w.text("P01").text("Checking").text("Deposit").decimal(0.05).money(0).money(12)
 *      .money(500).text("Basic").bool(false).endRow();
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one writer per table and thread.
 */
public final class BronzeRowWriter implements Closeable {
    /** The two encodings a writer can produce. */
    public enum Format {
        /** RFC 4180: comma separated, quoted where needed, CRLF-free ({@code \n}) line ends. */
        CSV,
        /** PostgreSQL COPY text format: tab separated, backslash escapes, {@code \N} for null. */
        COPY_TEXT,
        /** PostgreSQL COPY binary format: each value in its column type's binary form. */
        COPY_BINARY
    }

    private static final int BUFFER = 1 << 16;
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};

    /** The signature, flags and header extension length that open a COPY binary stream. */
    private static final byte[] BINARY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** Days from 1970-01-01 to PostgreSQL's epoch 2000-01-01. */
    private static final long PG_EPOCH_DAY = 10_957;
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final long MAX_EXACT_DOUBLE = 1L << 53;

    private final OutputStream out;
    private final Format format;
    /** The table's columns (binary format only, else null); {@link #field} indexes them. */
    private final List<Column> columns;
    /** The types of {@link #columns}, for the hot path. */
    private final ColumnType[] types;
    private final int suffixFields;
    /** Scratch for the base-10000 digits of a numeric (a long has at most 5, plus 3 for 9 decimals). */
    private final short[] digits = new short[8];
    private int field;
    private final byte separator;
    private final byte[] rowSuffix;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private boolean firstField = true;
    private long rows;
    private boolean closed;

    private BronzeRowWriter(OutputStream out, Format format, byte[] rowSuffix) {
        this(out, format, rowSuffix, null, 0);
    }

    private BronzeRowWriter(OutputStream out, Format format, byte[] rowSuffix, List<Column> columns, int suffixFields) {
        this.out = Objects.requireNonNull(out, "out");
        this.format = Objects.requireNonNull(format, "format");
        this.separator = format == Format.CSV ? (byte) ',' : (byte) '\t';
        this.rowSuffix = rowSuffix == null ? new byte[0] : rowSuffix.clone();
        this.columns = columns == null ? null : List.copyOf(columns);
        this.types = columns == null ? null : columns.stream().map(Column::type).toArray(ColumnType[]::new);
        this.suffixFields = suffixFields;
        if (format == Format.COPY_BINARY) {
            System.arraycopy(BINARY_HEADER, 0, buf, 0, BINARY_HEADER.length);
            pos = BINARY_HEADER.length;
        }
    }

    /** A CSV writer over {@code out}; closing the writer closes {@code out}. */
    public static BronzeRowWriter csv(OutputStream out) {
        return new BronzeRowWriter(out, Format.CSV, null);
    }

    /** A COPY text writer over {@code out}; closing the writer closes {@code out}. */
    public static BronzeRowWriter copyText(OutputStream out) {
        return new BronzeRowWriter(out, Format.COPY_TEXT, null);
    }

    /**
     * A writer that appends {@code suffix} (already encoded, e.g. a tab and a batch id) to every
     * row written with {@link #endRow()}.
     */
    public static BronzeRowWriter withRowSuffix(OutputStream out, Format format, String suffix) {
        return new BronzeRowWriter(out, format, suffix.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A COPY binary writer for rows of {@code columns} followed by {@code suffixFields} more fields,
     * already encoded in {@code suffix} (e.g. the batch id as a length-prefixed int8). Closing the
     * writer ends the stream and closes {@code out}.
     */
    static BronzeRowWriter copyBinary(OutputStream out, List<Column> columns, byte[] suffix, int suffixFields) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a binary writer needs the table's columns");
        }
        return new BronzeRowWriter(out, Format.COPY_BINARY, suffix, columns, suffixFields);
    }

    /** The encoding of this writer. */
    public Format format() {
        return format;
    }

    /** Writes a header row (column names); it does not count as a data row. */
    public BronzeRowWriter header(List<String> names) {
        if (format == Format.COPY_BINARY) {
            throw new IllegalStateException("a COPY binary stream has no header row");
        }
        for (String n : names) {
            text(n);
        }
        newline();
        return this;
    }

    /** A text field; {@code null} writes a null. */
    public BronzeRowWriter text(String s) {
        if (s == null) {
            return nul();
        }
        sep();
        if (format == Format.CSV) {
            writeCsvText(s);
        } else if (format == Format.COPY_TEXT) {
            writeCopyText(s);
        } else {
            binaryText(s);
        }
        return this;
    }

    /** A null field. */
    public BronzeRowWriter nul() {
        sep();
        if (format == Format.COPY_TEXT) {
            ensure(2);
            buf[pos++] = '\\';
            buf[pos++] = 'N';
        } else if (format == Format.COPY_BINARY) {
            nextType();
            int32(-1);
        }
        return this;
    }

    /** An integer field. */
    public BronzeRowWriter integer(long v) {
        sep();
        if (format == Format.COPY_BINARY) {
            binaryNumber(v, 0);
        } else {
            writeLong(v);
        }
        return this;
    }

    /** An integer field, null when {@code v} is null. */
    public BronzeRowWriter integer(Integer v) {
        return v == null ? nul() : integer(v.longValue());
    }

    /** A boolean field ({@code true}/{@code false}). */
    public BronzeRowWriter bool(boolean v) {
        sep();
        if (format != Format.COPY_BINARY) {
            writeAscii(v ? "true" : "false");
            return this;
        }
        ColumnType type = nextType();
        if (type == ColumnType.BOOLEAN) {
            ensure(5);
            putInt(1);
            buf[pos++] = (byte) (v ? 1 : 0);
        } else if (type == ColumnType.TEXT) {
            binaryFormatted(() -> writeAscii(v ? "true" : "false"));
        } else {
            Column c = columns.get(field - 1);
            throw new IllegalArgumentException("column " + c.name() + " is " + c.type().sql() + ", not a boolean");
        }
        return this;
    }

    /** A boolean field, null when {@code v} is null. */
    public BronzeRowWriter bool(Boolean v) {
        return v == null ? nul() : bool(v.booleanValue());
    }

    /** A money field: {@code v} rounded half-up to cents, two decimals always written. */
    public BronzeRowWriter money(double v) {
        return fixed(v, 2);
    }

    /** A money field, null when {@code v} is null. */
    public BronzeRowWriter money(Double v) {
        return v == null ? nul() : fixed(v, 2);
    }

    /** A {@link ColumnType#DECIMAL} field: four decimals. */
    public BronzeRowWriter decimal(double v) {
        return fixed(v, 4);
    }

    /** A decimal field, null when {@code v} is null. */
    public BronzeRowWriter decimal(Double v) {
        return v == null ? nul() : fixed(v, 4);
    }

    /**
     * A number with exactly {@code decimals} decimals (0-9), rounded half away from zero. Values
     * that are not finite are written as null: the bronze contract has no NaN.
     */
    public BronzeRowWriter fixed(double v, int decimals) {
        if (decimals < 0 || decimals > 9) {
            throw new IllegalArgumentException("decimals must be 0-9, was " + decimals);
        }
        if (!Double.isFinite(v) || Math.abs(v) >= 9.0e18 / POW10[decimals]) {
            return nul();
        }
        sep();
        long scaled = Math.round(Math.abs(v) * POW10[decimals]);
        if (format == Format.COPY_BINARY) {
            binaryNumber(v < 0 ? -scaled : scaled, decimals);
            return this;
        }
        writeFixed(v < 0, scaled, decimals);
        return this;
    }

    /** The text of {@code scaled / 10^decimals}, negative when {@code negative} and not zero. */
    private void writeFixed(boolean negative, long scaled, int decimals) {
        if (negative && scaled != 0) {
            ensure(1);
            buf[pos++] = '-';
        }
        long whole = scaled / POW10[decimals];
        writeLong(whole);
        if (decimals > 0) {
            ensure(decimals + 1);
            buf[pos++] = '.';
            long frac = scaled % POW10[decimals];
            for (int i = decimals - 1; i >= 0; i--) {
                buf[pos + i] = (byte) ('0' + frac % 10);
                frac /= 10;
            }
            pos += decimals;
        }
    }

    /** A date field ({@code yyyy-MM-dd}); null when {@code d} is null. */
    public BronzeRowWriter date(LocalDate d) {
        if (d == null) {
            return nul();
        }
        sep();
        if (format == Format.COPY_BINARY) {
            binaryDateTime(d, null);
        } else {
            writeDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        }
        return this;
    }

    /** A timestamp field ({@code yyyy-MM-dd HH:mm:ss}, seconds precision); null when {@code t} is null. */
    public BronzeRowWriter timestamp(LocalDateTime t) {
        if (t == null) {
            return nul();
        }
        sep();
        if (format == Format.COPY_BINARY) {
            binaryDateTime(t.toLocalDate(), t);
        } else {
            writeTimestamp(t);
        }
        return this;
    }

    private void writeTimestamp(LocalDateTime t) {
        writeDate(t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        ensure(9);
        buf[pos++] = ' ';
        two(t.getHour());
        buf[pos++] = ':';
        two(t.getMinute());
        buf[pos++] = ':';
        two(t.getSecond());
    }

    /** Ends the current row (appending the row suffix, if any). */
    public BronzeRowWriter endRow() {
        if (format == Format.COPY_BINARY) {
            if (field != columns.size()) {
                throw new IllegalStateException("a row of " + columns.size() + " columns got " + field + " values");
            }
            field = 0;
        }
        if (rowSuffix.length > 0) {
            ensure(rowSuffix.length);
            System.arraycopy(rowSuffix, 0, buf, pos, rowSuffix.length);
            pos += rowSuffix.length;
        }
        newline();
        rows++;
        return this;
    }

    /** Data rows ended so far. */
    public long rows() {
        return rows;
    }

    /** Pushes buffered bytes to the stream. */
    public void flush() {
        try {
            drain();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes and closes the underlying stream. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            if (format == Format.COPY_BINARY) {
                ensure(2);
                buf[pos++] = (byte) 0xff;   // the file trailer: a field count of -1
                buf[pos++] = (byte) 0xff;
            }
            drain();
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot write bronze rows: " + e.getMessage(),
                    "check free disk space and permissions", e);
        }
    }

    private void newline() {
        if (format != Format.COPY_BINARY) {
            ensure(1);
            buf[pos++] = '\n';
        }
        firstField = true;
    }

    private void sep() {
        if (format == Format.COPY_BINARY) {
            if (firstField) {
                firstField = false;
                ensure(2);
                int count = columns.size() + suffixFields;
                buf[pos++] = (byte) (count >>> 8);
                buf[pos++] = (byte) count;
            }
        } else if (firstField) {
            firstField = false;
        } else {
            ensure(1);
            buf[pos++] = separator;
        }
    }

    private void writeDate(int y, int m, int d) {
        if (y < 0 || y > 9999) {
            writeLong(y);
        } else {
            ensure(4);
            buf[pos++] = (byte) ('0' + y / 1000);
            buf[pos++] = (byte) ('0' + y / 100 % 10);
            buf[pos++] = (byte) ('0' + y / 10 % 10);
            buf[pos++] = (byte) ('0' + y % 10);
        }
        ensure(6);
        buf[pos++] = '-';
        two(m);
        buf[pos++] = '-';
        two(d);
    }

    private void two(int v) {
        buf[pos++] = (byte) ('0' + v / 10);
        buf[pos++] = (byte) ('0' + v % 10);
    }

    private void writeLong(long v) {
        ensure(20);
        if (v == Long.MIN_VALUE) {
            writeAscii("-9223372036854775808");
            return;
        }
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        if (v == 0) {
            buf[pos++] = '0';
            return;
        }
        int len = 0;
        for (long t = v; t > 0; t /= 10) {
            len++;
        }
        for (int i = len - 1; i >= 0; i--) {
            buf[pos + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        pos += len;
    }

    private void writeAscii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    private void writeCsvText(String s) {
        boolean quote = s.isEmpty();
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            writeChars(s, false);
            return;
        }
        ensure(1);
        buf[pos++] = '"';
        writeChars(s, true);
        ensure(1);
        buf[pos++] = '"';
    }

    private void writeChars(String s, boolean doubleQuotes) {
        int n = s.length();
        if (n * 3 + 2 > buf.length) {
            writeCharsSlow(s, doubleQuotes);
            return;
        }
        ensure(n * 3 + 2);
        byte[] b = buf;
        int p = pos;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (doubleQuotes && c == '"') {
                    b[p++] = '"';
                }
                b[p++] = (byte) c;
            } else {
                pos = p;
                writeNonAscii(s, i);
                p = pos;
                i += Character.charCount(s.codePointAt(i)) - 1;
            }
        }
        pos = p;
    }

    private void writeCharsSlow(String s, boolean doubleQuotes) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                ensure(2);
                if (doubleQuotes && c == '"') {
                    buf[pos++] = '"';
                }
                buf[pos++] = (byte) c;
            } else {
                writeNonAscii(s, i);
                i += Character.charCount(s.codePointAt(i)) - 1;
            }
        }
    }

    private void writeCopyText(String s) {
        int n = s.length();
        boolean fast = n * 3 + 2 <= buf.length;
        if (fast) {
            ensure(n * 3 + 2);
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (!fast) {
                    ensure(2);
                }
                switch (c) {
                    case '\\' -> { buf[pos++] = '\\'; buf[pos++] = '\\'; }
                    case '\t' -> { buf[pos++] = '\\'; buf[pos++] = 't'; }
                    case '\n' -> { buf[pos++] = '\\'; buf[pos++] = 'n'; }
                    case '\r' -> { buf[pos++] = '\\'; buf[pos++] = 'r'; }
                    default -> buf[pos++] = (byte) c;
                }
            } else {
                writeNonAscii(s, i);
                i += Character.charCount(s.codePointAt(i)) - 1;
            }
        }
    }

    private void writeNonAscii(String s, int i) {
        int cp = s.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** The column the next value belongs to (binary format). */
    /** The type of the column the next value belongs to (binary format). */
    private ColumnType nextType() {
        if (field >= types.length) {
            throw new IllegalStateException("a row of " + types.length + " columns got more values; end it with endRow()");
        }
        return types[field++];
    }

    /** {@code scaled / 10^decimals} in the binary form of the next column's type. */
    private void binaryNumber(long scaled, int decimals) {
        ColumnType type = nextType();
        if (type == ColumnType.MONEY || type == ColumnType.DECIMAL) {
            binaryNumeric(scaled, decimals);
            return;
        }
        Column c = columns.get(field - 1);
        switch (type) {
            case DOUBLE -> {
                // both operands exact, so IEEE division rounds the quotient once: the double that
                // PostgreSQL's strtod would read from the decimal text
                double d = Math.abs(scaled) < MAX_EXACT_DOUBLE ? scaled / (double) POW10[decimals]
                        : Double.parseDouble(fixedText(scaled, decimals));
                int32(8);
                int64(Double.doubleToLongBits(d));
            }
            case INTEGER, BIGINT -> {
                if (scaled % POW10[decimals] != 0) {
                    throw new IllegalArgumentException("column " + c.name() + " is an integer, not " + fixedText(scaled, decimals));
                }
                long v = scaled / POW10[decimals];
                if (c.type() == ColumnType.INTEGER) {
                    if (v != (int) v) {
                        throw new IllegalArgumentException(v + " is out of range for integer column " + c.name());
                    }
                    int32(4);
                    int32((int) v);
                } else {
                    int32(8);
                    int64(v);
                }
            }
            case TEXT -> binaryFormatted(() -> {
                if (decimals == 0) {
                    writeLong(scaled);
                } else {
                    writeFixed(scaled < 0, Math.abs(scaled), decimals);
                }
            });
            default -> throw new IllegalArgumentException("column " + c.name() + " is " + c.type().sql() + ", not a number");
        }
    }

    /** The decimal text of {@code scaled / 10^decimals}. */
    private static String fixedText(long scaled, int decimals) {
        return java.math.BigDecimal.valueOf(scaled, decimals).toPlainString();
    }

    /**
     * PostgreSQL's binary numeric: digit count, weight (of the first base-10000 digit), sign and
     * display scale as int16, then the base-10000 digits, grouped from the decimal point.
     */
    private void binaryNumeric(long scaled, int decimals) {
        if (scaled == Long.MIN_VALUE) {
            throw new IllegalArgumentException("number out of range: " + fixedText(scaled, decimals));
        }
        long abs = Math.abs(scaled);
        long whole = abs / POW10[decimals];
        int fracGroups = (decimals + 3) / 4;
        long frac = abs % POW10[decimals] * POW10[fracGroups * 4 - decimals];
        short[] digits = this.digits;
        int wholeGroups = 0;
        for (long w = whole; w > 0; w /= 10_000) {
            wholeGroups++;
        }
        for (int i = wholeGroups - 1; i >= 0; i--) {
            digits[i] = (short) (whole % 10_000);
            whole /= 10_000;
        }
        for (int i = fracGroups - 1; i >= 0; i--) {
            digits[wholeGroups + i] = (short) (frac % 10_000);
            frac /= 10_000;
        }
        int first = 0;
        int end = wholeGroups + fracGroups;
        while (first < end && digits[first] == 0) {
            first++;
        }
        while (end > first && digits[end - 1] == 0) {
            end--;
        }
        int n = end - first;
        int weight = n == 0 ? 0 : wholeGroups - 1 - first;
        ensure(12 + 2 * n);
        putInt(8 + 2 * n);
        putShort(n);
        putShort(weight);
        putShort(scaled < 0 && n > 0 ? 0x4000 : 0);
        putShort(decimals);
        for (int i = first; i < end; i++) {
            putShort(digits[i]);
        }
    }

    /** The date {@code d}, or the timestamp {@code t} when not null, in the binary form of the next column's type. */
    private void binaryDateTime(LocalDate d, LocalDateTime t) {
        ColumnType type = nextType();
        Column c = columns.get(field - 1);
        long epochDay = d.toEpochDay();
        int secondOfDay = t == null ? 0 : t.getHour() * 3600 + t.getMinute() * 60 + t.getSecond();
        switch (type) {
            case DATE -> {
                // a time of day is dropped, as PostgreSQL's date input drops it from a timestamp's text
                long days = epochDay - PG_EPOCH_DAY;
                if (days != (int) days) {
                    throw new IllegalArgumentException("date out of range for column " + c.name());
                }
                int32(4);
                int32((int) days);
            }
            case TIMESTAMP -> {
                int32(8);
                int64(Math.addExact(Math.multiplyExact(epochDay - PG_EPOCH_DAY, MICROS_PER_DAY), secondOfDay * 1_000_000L));
            }
            case TEXT -> binaryFormatted(() -> {
                if (t == null) {
                    writeDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
                } else {
                    writeTimestamp(t);
                }
            });
            default -> throw new IllegalArgumentException("column " + c.name() + " is " + c.type().sql() + ", not a date or time");
        }
    }

    /** A text value in binary format: its length, then its UTF-8 bytes. */
    private void binaryText(String s) {
        if (nextType() != ColumnType.TEXT) {
            // what COPY text would let the server parse: the writer's typed methods are the way for such columns
            Column c = columns.get(field - 1);
            throw new IllegalArgumentException("column " + c.name() + " is " + c.type().sql() + ": write it with its typed method, not as text");
        }
        int n = s.length();
        if (n * 3 + 6 > buf.length) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            int32(b.length);
            for (int off = 0; off < b.length; off += buf.length) {
                int len = Math.min(buf.length, b.length - off);
                ensure(len);
                System.arraycopy(b, off, buf, pos, len);
                pos += len;
            }
            return;
        }
        // writeChars reserves 3 bytes per char + 2 itself: with the length, n * 3 + 6 never drains midway
        ensure(n * 3 + 6);
        int lengthAt = pos;
        pos += 4;
        writeChars(s, false);
        patchLength(lengthAt);
    }

    /** The text that {@code text} writes (at most 64 bytes), as a length-prefixed binary text value. */
    private void binaryFormatted(Runnable text) {
        lengthPrefixed(68, text);
    }

    /** Reserves {@code room} bytes, writes the length placeholder, runs {@code body} and patches the length. */
    private void lengthPrefixed(int room, Runnable body) {
        ensure(room);
        int lengthAt = pos;
        pos += 4;
        body.run();
        patchLength(lengthAt);
    }

    /** Writes at {@code lengthAt} the length of the bytes written after its 4 bytes. */
    private void patchLength(int lengthAt) {
        int len = pos - lengthAt - 4;
        buf[lengthAt] = (byte) (len >>> 24);
        buf[lengthAt + 1] = (byte) (len >>> 16);
        buf[lengthAt + 2] = (byte) (len >>> 8);
        buf[lengthAt + 3] = (byte) len;
    }

    private void int32(int v) {
        ensure(4);
        putInt(v);
    }

    private void int64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
    }

    /** Two bytes, big-endian, into room already ensured. */
    private void putShort(int v) {
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    /** Four bytes, big-endian, into room already ensured. */
    private void putInt(int v) {
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            try {
                drain();
            } catch (IOException e) {
                throw new FapException(ErrorCode.IO_ERROR, "cannot write bronze rows: " + e.getMessage(),
                        "check free disk space and permissions", e);
            }
        }
    }

    private void drain() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}

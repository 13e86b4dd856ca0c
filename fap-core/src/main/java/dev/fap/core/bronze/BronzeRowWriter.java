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
 * Writes bronze rows field by field, fast and byte-exact, either as RFC 4180 CSV (what {@code fap
 * generate} writes) or in PostgreSQL's COPY text format (what {@link BronzeBatch} streams into the
 * database).
 *
 * <p>Numbers are written with a fixed number of decimals computed from integers, never through
 * {@link Double#toString}, so the bytes are the same on every JVM version and machine. Money is
 * rounded half-up to cents, {@link ColumnType#DECIMAL} to four decimals. A null is an empty unquoted
 * field in CSV (an empty string is written as {@code ""}) and {@code \N} in COPY text.
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
        COPY_TEXT
    }

    private static final int BUFFER = 1 << 16;
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};

    private final OutputStream out;
    private final Format format;
    private final byte separator;
    private final byte[] rowSuffix;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private boolean firstField = true;
    private long rows;
    private boolean closed;

    private BronzeRowWriter(OutputStream out, Format format, byte[] rowSuffix) {
        this.out = Objects.requireNonNull(out, "out");
        this.format = Objects.requireNonNull(format, "format");
        this.separator = format == Format.CSV ? (byte) ',' : (byte) '\t';
        this.rowSuffix = rowSuffix == null ? new byte[0] : rowSuffix.clone();
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

    /** The encoding of this writer. */
    public Format format() {
        return format;
    }

    /** Writes a header row (column names); it does not count as a data row. */
    public BronzeRowWriter header(List<String> names) {
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
        } else {
            writeCopyText(s);
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
        }
        return this;
    }

    /** An integer field. */
    public BronzeRowWriter integer(long v) {
        sep();
        writeLong(v);
        return this;
    }

    /** An integer field, null when {@code v} is null. */
    public BronzeRowWriter integer(Integer v) {
        return v == null ? nul() : integer(v.longValue());
    }

    /** A boolean field ({@code true}/{@code false}). */
    public BronzeRowWriter bool(boolean v) {
        sep();
        writeAscii(v ? "true" : "false");
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
        if (v < 0 && scaled != 0) {
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
        return this;
    }

    /** A date field ({@code yyyy-MM-dd}); null when {@code d} is null. */
    public BronzeRowWriter date(LocalDate d) {
        if (d == null) {
            return nul();
        }
        sep();
        writeDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        return this;
    }

    /** A timestamp field ({@code yyyy-MM-dd HH:mm:ss}, seconds precision); null when {@code t} is null. */
    public BronzeRowWriter timestamp(LocalDateTime t) {
        if (t == null) {
            return nul();
        }
        sep();
        writeDate(t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        ensure(9);
        buf[pos++] = ' ';
        two(t.getHour());
        buf[pos++] = ':';
        two(t.getMinute());
        buf[pos++] = ':';
        two(t.getSecond());
        return this;
    }

    /** Ends the current row (appending the row suffix, if any). */
    public BronzeRowWriter endRow() {
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
            drain();
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot write bronze rows: " + e.getMessage(),
                    "check free disk space and permissions", e);
        }
    }

    private void newline() {
        ensure(1);
        buf[pos++] = '\n';
        firstField = true;
    }

    private void sep() {
        if (firstField) {
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

package dev.fap.core.bronze;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Streams a CSV file with a header row and appends a fixed field (e.g. {@code ,42}, the batch id)
 * to every data record, so that {@code COPY ... (cols, _batch_id) FROM STDIN (FORMAT csv, HEADER)}
 * stamps each row without parsing values.
 *
 * <p>Record ends are newlines outside double quotes; {@code \r\n} and a lone {@code \r} end a record
 * too, blank lines are skipped, a missing final newline is supplied, and a UTF-8 byte-order mark is
 * dropped. The header record is passed through unchanged.
 */
final class CopyCsvStamper extends FilterInputStream {
    private final byte[] suffix;
    private final byte[] in = new byte[1 << 16];
    private byte[] out = new byte[(1 << 17) + 64];
    private int outPos;
    private int outLen;
    private boolean inQuotes;
    private boolean content;
    private boolean header = true;
    private boolean start = true;
    private boolean eof;

    CopyCsvStamper(InputStream source, String suffix) {
        super(source);
        this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (outPos == outLen) {
            if (eof) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, outLen - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    private void fill() throws IOException {
        outPos = 0;
        outLen = 0;
        int n = super.in.read(in, 0, in.length);
        if (n < 0) {
            eof = true;
            if (content) {
                endRecord();
            }
            return;
        }
        int i = 0;
        if (start) {
            start = false;
            if (n >= 3 && (in[0] & 0xff) == 0xEF && (in[1] & 0xff) == 0xBB && (in[2] & 0xff) == 0xBF) {
                i = 3;
            }
        }
        for (; i < n; i++) {
            byte c = in[i];
            if (inQuotes) {
                if (c == '"') {
                    inQuotes = false;
                }
                put(c);
            } else if (c == '\n' || c == '\r') {
                if (content) {
                    endRecord();
                }
            } else {
                if (c == '"') {
                    inQuotes = true;
                }
                content = true;
                put(c);
            }
        }
    }

    private void endRecord() {
        if (header) {
            header = false;
        } else {
            ensure(suffix.length);
            System.arraycopy(suffix, 0, out, outLen, suffix.length);
            outLen += suffix.length;
        }
        put((byte) '\n');
        content = false;
    }

    private void put(byte c) {
        ensure(1);
        out[outLen++] = c;
    }

    private void ensure(int n) {
        if (outLen + n > out.length) {
            byte[] bigger = new byte[out.length * 2 + n];
            System.arraycopy(out, 0, bigger, 0, outLen);
            out = bigger;
        }
    }
}

package dev.fap.report.internal;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes report files atomically (temporary file, then move), creating parent folders. */
public final class ReportFiles {
    private ReportFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code file}; returns the number of bytes written. */
    public static long write(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the concatenation of {@code parts} to {@code file}; returns the number of bytes written. */
    public static long write(Path file, byte[]... parts) {
        Path target = file.toAbsolutePath();
        long length = 0;
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    for (byte[] part : parts) {
                        out.write(part);
                        length += part.length;
                    }
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot write " + file + ": " + e.getMessage(),
                    "check that the folder is writable and the disk has space", e);
        }
        return length;
    }
}

package dev.fap.report.internal;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.io.IOException;
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
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot write " + file + ": " + e.getMessage(),
                    "check that the folder is writable and the disk has space", e);
        }
        return bytes.length;
    }
}

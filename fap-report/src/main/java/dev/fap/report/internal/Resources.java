package dev.fap.report.internal;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/** Text resources (CSS, JavaScript) shipped in the fap-report jar, cached per JVM. */
public final class Resources {
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private Resources() {
    }

    /** The UTF-8 text of {@code /dev/fap/report/<name>}. */
    public static String text(String name) {
        return CACHE.computeIfAbsent(name, Resources::read);
    }

    private static String read(String name) {
        String path = "/dev/fap/report/" + name;
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new FapException(ErrorCode.INTERNAL, "resource " + path + " is missing from fap-report", "rebuild fap-report");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FapException(ErrorCode.INTERNAL, "cannot read resource " + path, "rebuild fap-report", e);
        }
    }
}

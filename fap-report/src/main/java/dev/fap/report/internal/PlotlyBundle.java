package dev.fap.report.internal;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * plotly.js as shipped in the Maven Central webjar {@code org.webjars.npm:plotly.js-dist}, gzipped
 * once per JVM. Reports inline it base64-encoded; the dashboard serves it with
 * {@code Content-Encoding: gzip}.
 *
 * <p>Compressing the 11 MB script costs ~0.45 s of CPU, so the gzipped bytes are also kept in
 * {@code <java.io.tmpdir>/fap-plotly-<version>-<crc32>-<length>.js.gz} (the CRC-32 and size of the
 * script as the jar entry records them, so another build of the same version gets another file) and
 * reused by later JVMs only if the cached file inflates to exactly the bytes of the script in the jar
 * (~0.1 s instead of ~0.45 s). A missing, damaged, foreign or unwritable cache only means compressing
 * again.
 */
public final class PlotlyBundle {
    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/plotly.js-dist/pom.properties";
    private static volatile PlotlyBundle instance;

    private final String version;
    private final byte[] gzipped;
    private final byte[] base64Ascii;
    private final String base64;
    private final long rawSize;

    private PlotlyBundle(String version, byte[] gzipped, long rawSize) {
        this.version = version;
        this.gzipped = gzipped;
        this.base64Ascii = Base64.getEncoder().encode(gzipped);
        this.base64 = new String(base64Ascii, StandardCharsets.ISO_8859_1);
        this.rawSize = rawSize;
    }

    /** The bundle, loaded and compressed on first use. */
    public static PlotlyBundle get() {
        PlotlyBundle local = instance;
        if (local == null) {
            synchronized (PlotlyBundle.class) {
                local = instance;
                if (local == null) {
                    local = load();
                    instance = local;
                }
            }
        }
        return local;
    }

    /** The plotly.js version, e.g. {@code 3.3.1}. */
    public String version() {
        return version;
    }

    /** The gzip-compressed script (a copy). */
    public byte[] gzipped() {
        return gzipped.clone();
    }

    /** The gzip-compressed script, base64-encoded. */
    public String base64Gzip() {
        return base64;
    }

    /** The gzip-compressed script, base64-encoded, as ASCII bytes (a copy). */
    public byte[] base64GzipAscii() {
        return base64Ascii.clone();
    }

    /** Size of the uncompressed script in bytes. */
    public long rawSize() {
        return rawSize;
    }

    private static PlotlyBundle load() {
        return load(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Loads the bundle, reusing or writing the compressed script in {@code cacheDir}. */
    static PlotlyBundle load(Path cacheDir) {
        ClassLoader loader = PlotlyBundle.class.getClassLoader();
        String version;
        try (InputStream in = loader.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw missing();
            }
            Properties properties = new Properties();
            properties.load(in);
            version = properties.getProperty("version");
        } catch (IOException e) {
            throw new FapException(ErrorCode.REPORT_FAILED, "cannot read " + POM_PROPERTIES + ": " + e.getMessage(), "check the classpath", e);
        }
        String script = "META-INF/resources/webjars/plotly.js-dist/" + version + "/plotly.js";
        URL url = loader.getResource(script);
        if (url == null) {
            throw missing();
        }
        Path cached = cacheFile(cacheDir, version, url);
        if (cached != null) {
            PlotlyBundle reused = readCache(cached, version, url);
            if (reused != null) {
                return reused;
            }
        }
        try (InputStream in = url.openStream()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(4 << 20);
            long raw;
            // the default level (6) is within 1.5% of level 9 on plotly.js and about twice as fast
            try (GZIPOutputStream gzip = new GZIPOutputStream(buffer, 1 << 16)) {
                raw = in.transferTo(gzip);
            }
            byte[] gzipped = buffer.toByteArray();
            if (cached != null) {
                writeCache(cached, gzipped);
            }
            return new PlotlyBundle(version, gzipped, raw);
        } catch (IOException e) {
            throw new FapException(ErrorCode.REPORT_FAILED, "cannot read " + script + ": " + e.getMessage(), "check the classpath", e);
        }
    }

    /**
     * The cache file for the script at {@code url}: named by the version and the CRC-32 and size that its jar
     * entry records (so another build of the same version gets another file); null if the script is not read
     * from a jar (e.g. an exploded class path), whose entry has no recorded CRC.
     */
    static Path cacheFile(Path dir, String version, URL url) {
        if (dir == null || !"jar".equals(url.getProtocol())) {
            return null;
        }
        try {
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return null;
            }
            jar.setUseCaches(false);
            JarEntry entry = jar.getJarEntry();
            if (entry == null || entry.getCrc() < 0 || entry.getSize() < 0) {
                return null;
            }
            return dir.resolve(String.format(Locale.ROOT, "fap-plotly-%s-%08x-%d.js.gz",
                    version.replaceAll("[^A-Za-z0-9._-]", "_"), entry.getCrc(), entry.getSize()));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The cached bundle if {@code file} inflates completely to exactly the bytes of {@code script} (the file lies in
     * a shared temporary folder, and a CRC-32 in its name proves nothing against a planted file); null otherwise.
     * Inflating both and comparing costs ~0.1 s of CPU, a quarter of compressing again.
     */
    static PlotlyBundle readCache(Path file, String version, URL script) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            byte[] gzipped = Files.readAllBytes(file);
            byte[] original;
            try (InputStream in = script.openStream()) {
                original = in.readAllBytes();
            }
            byte[] inflated;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 1 << 16)) {
                inflated = in.readNBytes(original.length + 1);
            }
            if (!Arrays.equals(inflated, original)) {
                return null;
            }
            return new PlotlyBundle(version, gzipped, original.length);
        } catch (IOException | RuntimeException e) {
            return null;       // damaged or foreign file: compress again and replace it
        }
    }

    private static void writeCache(Path file, byte[] gzipped) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, gzipped);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // an unwritable temporary folder: the next JVM compresses again
        }
    }

    private static FapException missing() {
        return new FapException(ErrorCode.REPORT_FAILED, "plotly.js is not on the classpath",
                "add the dependency org.webjars.npm:plotly.js-dist (fap-report brings it; do not exclude it)");
    }
}

package dev.fap.report.internal;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;

/**
 * plotly.js as shipped in the Maven Central webjar {@code org.webjars.npm:plotly.js-dist}, gzipped
 * once per JVM. Reports inline it base64-encoded; the dashboard serves it with
 * {@code Content-Encoding: gzip}.
 */
public final class PlotlyBundle {
    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/plotly.js-dist/pom.properties";
    private static volatile PlotlyBundle instance;

    private final String version;
    private final byte[] gzipped;
    private final String base64;
    private final long rawSize;

    private PlotlyBundle(String version, byte[] gzipped, long rawSize) {
        this.version = version;
        this.gzipped = gzipped;
        this.base64 = Base64.getEncoder().encodeToString(gzipped);
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

    /** Size of the uncompressed script in bytes. */
    public long rawSize() {
        return rawSize;
    }

    private static PlotlyBundle load() {
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
        try (InputStream in = loader.getResourceAsStream(script)) {
            if (in == null) {
                throw missing();
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(4 << 20);
            long raw;
            // the default level (6) is within 1.5% of level 9 on plotly.js and about twice as fast
            try (GZIPOutputStream gzip = new GZIPOutputStream(buffer, 1 << 16)) {
                raw = in.transferTo(gzip);
            }
            return new PlotlyBundle(version, buffer.toByteArray(), raw);
        } catch (IOException e) {
            throw new FapException(ErrorCode.REPORT_FAILED, "cannot read " + script + ": " + e.getMessage(), "check the classpath", e);
        }
    }

    private static FapException missing() {
        return new FapException(ErrorCode.REPORT_FAILED, "plotly.js is not on the classpath",
                "add the dependency org.webjars.npm:plotly.js-dist (fap-report brings it; do not exclude it)");
    }
}

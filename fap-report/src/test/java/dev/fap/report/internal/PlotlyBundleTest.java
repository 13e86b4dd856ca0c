package dev.fap.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotlyBundleTest {

    private static List<Path> cached(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("fap-plotly-")).toList();
        }
    }

    /** The script the bundle was made from: its inflated bytes, checked against the jar entry's length and CRC-32. */
    private static byte[] inflated(PlotlyBundle bundle) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bundle.gzipped()))) {
            return in.readAllBytes();
        }
    }

    private static java.net.URL script() {
        String version = PlotlyBundle.get().version();
        return PlotlyBundle.class.getClassLoader().getResource("META-INF/resources/webjars/plotly.js-dist/" + version + "/plotly.js");
    }

    @Test
    void theCompressedScriptIsCachedAndReusedByTheNextLoad(@TempDir Path dir) throws IOException {
        PlotlyBundle first = PlotlyBundle.load(dir);
        List<Path> files = cached(dir);
        assertThat(files).hasSize(1);
        Path file = files.get(0);
        byte[] script = inflated(first);
        CRC32 crc = new CRC32();
        crc.update(script);
        // the name records the version and the script's CRC-32 and length (from the jar entry)
        assertThat(file.getFileName().toString())
                .isEqualTo(String.format("fap-plotly-%s-%08x-%d.js.gz", first.version(), crc.getValue(), script.length));
        assertThat(script.length).isEqualTo(first.rawSize()).isGreaterThan(5_000_000);
        assertThat(Files.readAllBytes(file)).isEqualTo(first.gzipped());

        PlotlyBundle second = PlotlyBundle.load(dir);
        assertThat(second.gzipped()).isEqualTo(first.gzipped());
        assertThat(second.base64Gzip()).isEqualTo(first.base64Gzip());
        assertThat(new String(second.base64GzipAscii(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(first.base64Gzip());
        assertThat(second.rawSize()).isEqualTo(first.rawSize());
        assertThat(second.version()).isEqualTo(first.version());
        assertThat(PlotlyBundle.readCache(file, first.version(), script())).isNotNull();
    }

    @Test
    void aDamagedOrTruncatedCacheIsNotUsedAndIsReplaced(@TempDir Path dir) throws IOException {
        PlotlyBundle good = PlotlyBundle.load(dir);
        Path file = cached(dir).get(0);
        byte[] bytes = Files.readAllBytes(file);

        byte[] damaged = bytes.clone();
        damaged[damaged.length / 2] ^= 0x5a;     // inside the deflate stream
        Files.write(file, damaged);
        assertThat(PlotlyBundle.readCache(file, good.version(), script())).isNull();
        assertThat(inflated(PlotlyBundle.load(dir))).isEqualTo(inflated(good));
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);

        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThat(PlotlyBundle.readCache(file, good.version(), script())).isNull();
        assertThat(PlotlyBundle.load(dir).gzipped()).isEqualTo(good.gzipped());

        // a valid gzip stream of another script under this name is not used either, even of the same length
        byte[] script = inflated(good);
        byte[] planted = script.clone();
        planted[planted.length / 3] = (byte) (planted[planted.length / 3] == ';' ? ',' : ';');
        try (var out = new java.io.ByteArrayOutputStream(); var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(planted);
            gz.finish();
            Files.write(file, out.toByteArray());
        }
        assertThat(PlotlyBundle.readCache(file, good.version(), script())).isNull();
        assertThat(PlotlyBundle.load(dir).gzipped()).isEqualTo(good.gzipped());
        byte[] other;
        try (var out = new java.io.ByteArrayOutputStream(); var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write("console.log(1)".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            gz.finish();
            other = out.toByteArray();
        }
        Files.write(file, other);
        assertThat(PlotlyBundle.readCache(file, good.version(), script())).isNull();
        assertThat(PlotlyBundle.load(dir).gzipped()).isEqualTo(good.gzipped());
    }

    @Test
    void anUnwritableCacheFolderOnlyMeansCompressingAgain(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("no-such-folder");
        PlotlyBundle bundle = PlotlyBundle.load(missing);
        assertThat(inflated(bundle)).hasSize((int) bundle.rawSize());
        assertThat(Files.exists(missing)).isFalse();
    }
}

package dev.fap.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the repository's {@code fap.jsh} in a real {@code jshell} process, as the README tells users
 * to, with statements piped in: generate, build, query and analyze. The class path is the shaded CLI
 * jar when this build produced it ({@code -Dfap.cliJar}, set by the pom), else the test class path
 * (the same library jars). Skipped, saying why, when no {@code jshell} is installed.
 */
class FapJshellScriptTest {
    @TempDir
    Path tmp;

    @Test
    void theStartupScriptGivesAReadyDatabaseGeneratorAndWarehouse() throws Exception {
        Optional<Path> jshell = jshell();
        assumeTrue(jshell.isPresent(), "jshell not found in java.home/bin or on the PATH: the fap.jsh test is skipped");
        Path script = repositoryRoot().resolve("fap.jsh");
        assertThat(script).exists();

        String input = String.join("\n",
                "var g = gen.toDatabase(db);",
                "System.out.println(\"GEN \" + g.rows(BronzeTable.TRANSACTIONS));",
                "System.out.println(\"BUILD \" + wh.build().orThrow().ok());",
                "System.out.println(\"SQL \" + sql(\"select count(*) as n from gold.fact_transactions\").get(0).get(0));",
                "var k = analytics.descriptive().kpis();",
                "System.out.println(\"KPI \" + k.transactions());",
                "System.out.println(\"WELCH \" + TTests.welch(new double[] {1, 2, 3, 4}, new double[] {2, 4, 6, 8, 10}, 0.95).pValue());",
                "/exit", "");
        ProcessBuilder pb = new ProcessBuilder(jshell.get().toString(), "--feedback", "concise",
                "--class-path", classPath(), script.toString(), "-")
                .directory(tmp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("jshell.out").toFile());
        Process p = pb.start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        boolean finished = p.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        String out = Files.readString(tmp.resolve("jshell.out"));
        assertThat(finished).as("jshell finished within 3 minutes:%n%s", out).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as(out).contains("FAP ready: db (embedded PostgreSQL on port ")
                .contains("GEN 5000")
                .contains("BUILD true")
                .doesNotContain("Exception", "Error:");
        long gold = number(out, "SQL ");
        assertThat(gold).isBetween(4_900L, 5_000L);
        assertThat(number(out, "KPI ")).isEqualTo(gold);
        // scipy.stats.ttest_ind([1,2,3,4], [2,4,6,8,10], equal_var=False).pvalue = 0.06913359319239237
        double p1 = Double.parseDouble(out.lines().filter(l -> l.startsWith("WELCH ")).findFirst().orElseThrow().substring(6));
        assertThat(p1).isCloseTo(0.06913359319239237, org.assertj.core.api.Assertions.within(1e-9));
    }

    private static long number(String out, String prefix) {
        return Long.parseLong(out.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in:\n" + out))
                .substring(prefix.length()).trim());
    }

    /** The shaded jar of this build if it exists, else the test class path (surefire's, not its booter jar). */
    private static String classPath() {
        String jar = System.getProperty("fap.cliJar");
        if (jar != null && Files.isRegularFile(Path.of(jar))) {
            return jar;
        }
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static Optional<Path> jshell() {
        String exe = File.separatorChar == '\\' ? "jshell.exe" : "jshell";
        Path inJdk = Path.of(System.getProperty("java.home"), "bin", exe);
        if (Files.isExecutable(inJdk)) {
            return Optional.of(inJdk);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isEmpty()).map(d -> Path.of(d, exe)).filter(Files::isExecutable).findFirst();
    }

    private static Path repositoryRoot() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("fap.jsh")) && Files.isDirectory(d.resolve("fap-core"))) {
                return d;
            }
        }
        throw new IOException("no repository root (with fap.jsh) above " + dir);
    }

}

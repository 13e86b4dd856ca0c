package dev.fap.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Analytics#INPUTS} is what a pipeline waits for before it starts the analyses: it must name every
 * relation the analyses' code names, or they could read a table that is still being built.
 */
class AnalyticsInputsTest {
    private static final Pattern RELATION = Pattern.compile("\\b(?:bronze|silver|gold|fap_meta)\\.[a-z_]+\\b");

    @Test
    void inputsAreExactlyTheRelationsTheAnalysesName() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/fap/analytics"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RELATION.matcher(Files.readString(f));
                while (m.find()) {
                    named.add(m.group());
                }
            }
        }
        assertThat(named).contains("gold.fact_transactions", "silver.stg_accounts");
        assertThat(new TreeSet<>(Analytics.INPUTS)).isEqualTo(named);
    }
}

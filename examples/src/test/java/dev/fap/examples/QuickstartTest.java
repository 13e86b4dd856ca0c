package dev.fap.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.FapConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickstartTest {
    @Test
    void printsTheWarehouseSchemasOfAnEmbeddedDatabase() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        var schemas = Quickstart.run(FapConfig.defaults(), new PrintStream(buffer, true, StandardCharsets.UTF_8));
        assertThat(schemas).containsExactly("bronze", "silver", "gold", "fap_meta");
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .startsWith("FAP database: embedded PostgreSQL on port ")
                .contains("(temporary)")
                .endsWith("  schema bronze\n  schema silver\n  schema gold\n  schema fap_meta\n");
    }
}

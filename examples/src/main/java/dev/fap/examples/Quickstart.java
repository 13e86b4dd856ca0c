package dev.fap.examples;

import dev.fap.core.Database;
import dev.fap.core.FapConfig;
import java.io.PrintStream;
import java.util.List;

/**
 * The smallest FAP program: open the database (an embedded PostgreSQL 17 unless {@code .env} or the
 * environment points at another one) and list the warehouse schemas FAP prepared.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am package -DskipTests     # once: the CLI jar and the examples
 * java -cp fap-cli/target/fap-cli-0.1.0-SNAPSHOT-all.jar:examples/target/classes dev.fap.examples.Quickstart
 * }</pre>
 */
public final class Quickstart {
    private Quickstart() {}

    public static void main(String[] args) {
        run(FapConfig.load(), System.out);
    }

    /** Opens the database of {@code config}, prints where it is and its schemas, and returns them. */
    public static List<String> run(FapConfig config, PrintStream out) {
        try (Database db = Database.open(config)) {
            out.println("FAP database: " + db.description());
            List<String> schemas = db.dsl()
                    .fetch("select schema_name from information_schema.schemata where schema_name in ('bronze', 'silver', 'gold', 'fap_meta')")
                    .getValues(0, String.class).stream()
                    .sorted(java.util.Comparator.comparingInt(Database.SCHEMAS::indexOf))
                    .toList();
            schemas.forEach(s -> out.println("  schema " + s));
            return schemas;
        }
    }
}

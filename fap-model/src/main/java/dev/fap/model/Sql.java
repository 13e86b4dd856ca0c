package dev.fap.model;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The SELECT of a {@link Model}: text from a classpath resource or a string, loaded once.
 *
 * <pre>{@code
 * Sql.resource("gold/dim_merchant.sql")          // dev/fap/model/warehouse/gold/dim_merchant.sql
 * Sql.classpath("com/acme/models/my_model.sql")  // any classpath resource
 * Sql.of("select 1 as one")
 * }</pre>
 *
 * <p>The text is a single {@code SELECT} (or {@code WITH ... SELECT}) without a trailing semicolon
 * (one is tolerated and removed). It refers to other relations schema-qualified ({@code silver.stg_x},
 * {@code gold.dim_y}, {@code bronze.z}); those references are the model's dependencies. Incremental
 * models may contain the marker {@code {{incremental ...}}} (see {@link Model#incremental}).
 */
public final class Sql {
    /** Folder of {@link #resource(String)}: {@value}. */
    public static final String WAREHOUSE_RESOURCES = "dev/fap/model/warehouse/";

    private final String text;
    private final String origin;

    private Sql(String text, String origin) {
        String t = text.strip();
        while (t.endsWith(";")) {
            t = t.substring(0, t.length() - 1).stripTrailing();
        }
        if (t.isEmpty()) {
            throw FapException.invalidArgument("the SQL of " + origin + " is empty", "write a SELECT statement");
        }
        this.text = t;
        this.origin = origin;
    }

    /** SQL given as a string. */
    public static Sql of(String text) {
        Objects.requireNonNull(text, "text");
        return new Sql(text, "inline SQL");
    }

    /** A resource relative to {@value #WAREHOUSE_RESOURCES}, e.g. {@code gold/dim_merchant.sql}. */
    public static Sql resource(String relativePath) {
        return classpath(WAREHOUSE_RESOURCES + Objects.requireNonNull(relativePath, "relativePath"));
    }

    /** A resource by its full classpath path, e.g. {@code com/acme/models/x.sql}. */
    public static Sql classpath(String path) {
        Objects.requireNonNull(path, "path");
        String p = path.startsWith("/") ? path.substring(1) : path;
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        InputStream in = cl == null ? null : cl.getResourceAsStream(p);
        if (in == null) {
            in = Sql.class.getClassLoader().getResourceAsStream(p);
        }
        if (in == null) {
            throw new FapException(ErrorCode.INVALID_ARGUMENT, "SQL resource not found on the classpath: " + p,
                    "check the path and that the file is under src/main/resources/" + p);
        }
        try (InputStream s = in) {
            return new Sql(new String(s.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + p);
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot read SQL resource " + p + ": " + e.getMessage(), "", e);
        }
    }

    /** The SQL text, trimmed, without a trailing semicolon. */
    public String text() {
        return text;
    }

    /** Where the text came from: {@code classpath:<path>} or {@code inline SQL}. */
    public String origin() {
        return origin;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sql s && s.text.equals(text) && s.origin.equals(origin);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "Sql[" + origin + ", " + text.length() + " chars]";
    }
}

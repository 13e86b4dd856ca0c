package dev.fap.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Resolves {@link FapConfig} from its layers: defaults &lt; {@code .env} &lt; environment &lt; system
 * properties.
 *
 * <p>The {@code .env} file follows the usual dotenv syntax: {@code KEY=value} lines, blank lines and
 * {@code #} comments, an optional {@code export } prefix, values optionally in single or double
 * quotes. A line without {@code =} or with an unknown key is an error naming the line: a typo in a
 * configuration file must not silently fall back to a default. Keys of the original platform's
 * {@code .env} that FAP does not use are accepted and ignored.
 *
 * <p>From the environment and system properties only FAP's own keys are read; an unknown
 * {@code FAP_*} key there is an error too.
 */
final class ConfigLoader {
    /** Keys of the original platform's .env that FAP accepts but does not need. */
    static final Set<String> IGNORED_ORIGINAL_KEYS = Set.of("PROD_DB_HOST", "PROD_DB_USER", "PROD_DB_PASSWORD",
            "REPORT_OUTPUT_DIR", "ENABLE_EMAIL_REPORTS", "EMAIL_RECIPIENTS");

    private ConfigLoader() {}

    static FapConfig load(Path workingDir, Map<String, String> env, Properties sys) {
        FapConfig config = FapConfig.defaults();
        Path dotEnv = workingDir.resolve(".env");
        if (Files.isRegularFile(dotEnv)) {
            config = apply(config, parseDotEnv(dotEnv), ".env");
        }
        config = apply(config, ownKeys(env), "environment variable");
        Map<String, String> props = new LinkedHashMap<>();
        sys.stringPropertyNames().forEach(n -> props.put(n, sys.getProperty(n)));
        return apply(config, ownKeys(props), "system property");
    }

    private static FapConfig apply(FapConfig config, Map<String, String> values, String origin) {
        FapConfig result = config;
        for (Map.Entry<String, String> e : values.entrySet()) {
            ConfigKey key = ConfigKey.find(e.getKey()).orElse(null);
            if (key == null) {
                if (IGNORED_ORIGINAL_KEYS.contains(e.getKey())) {
                    continue;
                }
                throw new FapException(ErrorCode.CONFIG_INVALID, "unknown configuration key " + e.getKey() + " (" + origin + ")",
                        "check the spelling; FAP knows " + ConfigKey.names());
            }
            result = result.with(key, e.getValue());
        }
        return result;
    }

    /** Entries whose name is one of FAP's keys or starts with {@code FAP_} (so that typos there are caught). */
    private static Map<String, String> ownKeys(Map<String, String> all) {
        Map<String, String> own = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            if (all.containsKey(key.name())) {
                own.put(key.name(), all.get(key.name()));
            }
        }
        all.forEach((k, v) -> {
            if (k.startsWith("FAP_") && !own.containsKey(k)) {
                own.put(k, v);
            }
        });
        return own;
    }

    /** Parses a dotenv file into ordered key/value pairs. */
    static Map<String, String> parseDotEnv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage(),
                    "make the file readable or remove it", e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String where = file.getFileName() + " line " + (i + 1);
            if (eq <= 0) {
                throw new FapException(ErrorCode.CONFIG_INVALID, where + " is not KEY=value: '" + lines.get(i).strip() + "'",
                        "write it as KEY=value (e.g. DB_HOST=localhost) or start it with # to comment it out");
            }
            String key = line.substring(0, eq).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new FapException(ErrorCode.CONFIG_INVALID, where + " has an invalid key '" + key + "'",
                        "keys are letters, digits and underscores, e.g. DB_HOST");
            }
            values.put(key, unquote(line.substring(eq + 1).strip(), where));
        }
        return values;
    }

    private static String unquote(String value, String where) {
        if (value.length() >= 1 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            char q = value.charAt(0);
            int end = value.indexOf(q, 1);
            if (end < 0) {
                throw new FapException(ErrorCode.CONFIG_INVALID, where + " has an unterminated " + q + "-quoted value",
                        "close the quote or remove it");
            }
            return value.substring(1, end);
        }
        int hash = value.indexOf(" #");
        return hash >= 0 ? value.substring(0, hash).strip() : value;
    }
}

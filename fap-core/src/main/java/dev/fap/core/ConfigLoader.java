package dev.fap.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
            config = apply(config, parseDotEnv(dotEnv));
        }
        config = apply(config, ownKeys(env, "environment variable "));
        Map<String, String> props = new LinkedHashMap<>();
        sys.stringPropertyNames().forEach(n -> props.put(n, sys.getProperty(n)));
        return apply(config, ownKeys(props, "system property -D"));
    }

    /** One configured value and where it came from, e.g. {@code .env line 3}. */
    record Setting(String key, String value, String origin) {}

    private static FapConfig apply(FapConfig config, List<Setting> settings) {
        FapConfig result = config;
        for (Setting s : settings) {
            ConfigKey key = ConfigKey.find(s.key()).orElse(null);
            if (key == null) {
                if (IGNORED_ORIGINAL_KEYS.contains(s.key())) {
                    continue;
                }
                throw new FapException(ErrorCode.CONFIG_INVALID, "unknown configuration key " + s.key() + " (" + s.origin() + ")",
                        "check the spelling" + suggestion(s.key()) + "; FAP knows " + ConfigKey.names());
            }
            try {
                result = result.with(key, s.value());
            } catch (FapException e) {
                throw new FapException(e.code(), e.getMessage() + " (" + s.origin() + ")", e.hint(), e);
            }
        }
        return result;
    }

    /** ", did you mean DB_HOST?" for a key one or two edits away from a known one. */
    private static String suggestion(String name) {
        return ClosestName.hint(name.toUpperCase(java.util.Locale.ROOT),
                java.util.Arrays.stream(ConfigKey.values()).map(Enum::name).toList(), 2);
    }

    /** Entries whose name is one of FAP's keys or starts with {@code FAP_} (so that typos there are caught). */
    private static List<Setting> ownKeys(Map<String, String> all, String originPrefix) {
        List<Setting> own = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            if (all.containsKey(key.name())) {
                own.add(new Setting(key.name(), all.get(key.name()), originPrefix + key.name()));
            }
        }
        all.keySet().stream().sorted().forEach(k -> {
            if (k.startsWith("FAP_") && ConfigKey.find(k).isEmpty()) {
                own.add(new Setting(k, all.get(k), originPrefix + k));
            }
        });
        return own;
    }

    /** Parses a dotenv file into ordered settings, each remembering its line. */
    static List<Setting> parseDotEnv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage(),
                    "make the file readable or remove it", e);
        }
        List<Setting> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String where = file + " line " + (i + 1);
            if (eq <= 0) {
                throw new FapException(ErrorCode.CONFIG_INVALID, where + " is not KEY=value: '" + lines.get(i).strip() + "'",
                        "write it as KEY=value (e.g. DB_HOST=localhost) or start it with # to comment it out");
            }
            String key = line.substring(0, eq).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new FapException(ErrorCode.CONFIG_INVALID, where + " has an invalid key '" + key + "'",
                        "keys are letters, digits and underscores, e.g. DB_HOST");
            }
            values.add(new Setting(key, unquote(line.substring(eq + 1).strip(), where), where));
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

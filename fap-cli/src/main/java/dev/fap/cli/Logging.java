package dev.fap.cli;

/**
 * Configures the CLI's SLF4J binding (slf4j-simple) before the first logger exists: warnings only,
 * or info for FAP and debug for nothing else with {@code --verbose}. Explicit {@code -D} settings win.
 */
final class Logging {
    private Logging() {}

    static void configure(boolean verbose) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.dev.fap", verbose ? "info" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.io.zonky", verbose ? "info" : "error");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.showLogName", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

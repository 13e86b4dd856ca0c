package dev.fap.core;

/**
 * Stable error codes carried by every {@link FapException}.
 *
 * <p>Codes are grouped by area so that the CLI can map them to exit codes and a user can search for
 * them. A code never changes its meaning once released.
 *
 * <pre>{@code
 * try { ... } catch (FapException e) {
 *     if (e.code() == ErrorCode.DB_AUTH_FAILED) { ... }
 * }
 * }</pre>
 */
public enum ErrorCode {
    /** A configuration value or file is malformed or unknown. */
    CONFIG_INVALID(2),
    /** The database host cannot be reached. */
    DB_UNREACHABLE(3),
    /** The database rejected the user name or password. */
    DB_AUTH_FAILED(3),
    /** The configured database does not exist on the server. */
    DB_MISSING(3),
    /** The embedded PostgreSQL could not be started (port in use, data folder locked, ...). */
    DB_EMBEDDED_FAILED(3),
    /** Any other SQL failure while talking to the database. */
    DB_ERROR(3),
    /** Input given to a command is out of range or inconsistent (counts, dates, rates). */
    INVALID_ARGUMENT(2),
    /** A file or folder cannot be read or written. */
    IO_ERROR(4),
    /** A model of the warehouse failed to build. */
    BUILD_FAILED(5),
    /** One or more data-quality checks of severity error failed. */
    CHECKS_FAILED(6),
    /** An analysis cannot be computed on the data it was given. */
    ANALYSIS_FAILED(7),
    /** A report could not be written. */
    REPORT_FAILED(8),
    /** An unexpected internal error: a bug in FAP. */
    INTERNAL(70);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code the CLI uses for this error. */
    public int exitCode() {
        return exitCode;
    }
}

package dev.fap.core.internal;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Turns JDBC failures into {@link FapException}s that name the cause and the fix.
 *
 * <p>PostgreSQL SQLSTATEs used: {@code 28P01}/{@code 28000} authentication, {@code 3D000} unknown
 * database, class {@code 08} connection failures.
 */
public final class SqlErrors {
    private SqlErrors() {}

    /**
     * A failure while connecting to {@code target} (already free of passwords) as {@code user}.
     *
     * @param database the configured database name, used in messages when the URL does not say
     */
    public static FapException translateConnect(Throwable t, String target, String user, String database) {
        SQLException sql = find(t, SQLException.class);
        String state = sql == null ? "" : String.valueOf(sql.getSQLState());
        if (state.equals("28P01")) {
            return new FapException(ErrorCode.DB_AUTH_FAILED,
                    "PostgreSQL at " + target + " rejected the password of user '" + user + "'",
                    "check DB_USER and DB_PASSWORD (in .env, the environment or -D system properties)", t);
        }
        if (state.equals("28000")) {
            return new FapException(ErrorCode.DB_AUTH_FAILED,
                    "PostgreSQL at " + target + " does not let user '" + user + "' in: " + firstLine(sql.getMessage()),
                    "check DB_USER and DB_PASSWORD, and that pg_hba.conf allows this user from this host", t);
        }
        if (state.equals("3D000")) {
            String name = databaseFromUrl(target).orElse(database);
            return new FapException(ErrorCode.DB_MISSING, "database '" + name + "' does not exist at " + target,
                    "create it (createdb " + name + ") or set DB_NAME to an existing database", t);
        }
        if (find(t, UnknownHostException.class) != null) {
            return new FapException(ErrorCode.DB_UNREACHABLE, "unknown database host in " + target,
                    "check DB_HOST, or unset it to use the embedded PostgreSQL", t);
        }
        if (find(t, ConnectException.class) != null || state.startsWith("08")) {
            return new FapException(ErrorCode.DB_UNREACHABLE, "cannot reach PostgreSQL at " + target,
                    "check that the server runs and DB_HOST/DB_PORT are right, or unset DB_HOST to use the embedded PostgreSQL", t);
        }
        return new FapException(ErrorCode.DB_ERROR, "cannot connect to " + target + ": " + t.getMessage(),
                "check the database settings (FAP_JDBC_URL or DB_HOST, DB_PORT, DB_NAME, DB_USER)", t);
    }

    /** Any other SQL failure during {@code action}. */
    public static FapException translate(SQLException e, String action) {
        return new FapException(ErrorCode.DB_ERROR, action + " failed: " + e.getMessage() + " [SQLSTATE " + e.getSQLState() + "]",
                "see the message above; the database user may lack privileges", e);
    }

    private static java.util.Optional<String> databaseFromUrl(String url) {
        var m = java.util.regex.Pattern.compile("^jdbc:postgresql://[^/]*/([^?;]+)").matcher(url);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private static String firstLine(String s) {
        String text = String.valueOf(s);
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}

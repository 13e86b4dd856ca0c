package dev.fap.core.internal;

import java.util.regex.Pattern;

/**
 * Makes JDBC URLs safe to print: a password given in the URL ({@code ?password=...} or
 * {@code //user:secret@host}) is replaced by {@code ****}.
 *
 * <pre>{@code
 * JdbcUrls.redact("jdbc:postgresql://db/fa?user=bob&password=s3cret"); // ...&password=****
 * }</pre>
 */
public final class JdbcUrls {
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?]+:)[^@/?]*@");

    private JdbcUrls() {}

    /** The URL with any password masked; null stays null. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String s = PASSWORD_PARAM.matcher(url).replaceAll("$1****");
        return USER_INFO.matcher(s).replaceAll("$1****@");
    }
}

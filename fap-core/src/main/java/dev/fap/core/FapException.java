package dev.fap.core;

import java.util.Objects;

/**
 * The one unchecked exception FAP throws: it names what went wrong ({@link #code()}) and what to do
 * next ({@link #hint()}).
 *
 * <pre>{@code
 * throw new FapException(ErrorCode.INVALID_ARGUMENT,
 *         "customers must be positive, was -3",
 *         "pass --customers with a value of at least 1");
 * }</pre>
 */
public class FapException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String hint;

    public FapException(ErrorCode code, String message, String hint) {
        this(code, message, hint, null);
    }

    public FapException(ErrorCode code, String message, String hint, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.hint = hint == null ? "" : hint;
    }

    /** The error code, stable across versions. */
    public ErrorCode code() {
        return code;
    }

    /** What the user should do next; never null, may be empty. */
    public String hint() {
        return hint;
    }

    /** Message and hint on two lines, as the CLI prints them. */
    public String describe() {
        return hint.isEmpty() ? "[" + code + "] " + getMessage() : "[" + code + "] " + getMessage() + "\n  hint: " + hint;
    }

    /** Shortcut for the most common case: bad input to a public method. */
    public static FapException invalidArgument(String message, String hint) {
        return new FapException(ErrorCode.INVALID_ARGUMENT, message, hint);
    }
}

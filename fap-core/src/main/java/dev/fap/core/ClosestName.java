package dev.fap.core;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds the known name closest to a misspelt one, for "did you mean …?" hints in error messages.
 *
 * <p>Closeness is the Levenshtein distance: the fewest single-character insertions, deletions and
 * substitutions that turn one string into the other.
 *
 * <pre>{@code
 * ClosestName.hint("DB_HSOT", List.of("DB_HOST", "DB_PORT"), 2); // " (did you mean DB_HOST?)"
 * ClosestName.hint("zzz", List.of("DB_HOST"), 2);                // ""
 * }</pre>
 */
public final class ClosestName {
    private ClosestName() {}

    /**
     * The candidate nearest to {@code name} if it is at most {@code maxDistance} edits away; on a tie
     * the first in iteration order wins.
     */
    public static Optional<String> find(String name, Collection<String> candidates, int maxDistance) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= maxDistance ? Optional.ofNullable(best) : Optional.empty();
    }

    /** {@code " (did you mean X?)"} for the closest candidate within {@code maxDistance}, else {@code ""}. */
    public static String hint(String name, Collection<String> candidates, int maxDistance) {
        return find(name, candidates, maxDistance).map(s -> " (did you mean " + s + "?)").orElse("");
    }

    /** The Levenshtein distance between {@code a} and {@code b}. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitution, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

package dev.fap.report.plotly;

import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Base of every Plotly figure part: an immutable, key-sorted map of Plotly attributes. Each typed
 * wither returns a new object; the receiver never changes, so instances are thread-safe and can be
 * shared as templates.
 *
 * <p>Attributes the typed API does not cover can be set with {@link #with(String, Object)}, which
 * accepts Plotly's dotted attribute paths:
 *
 * <pre>{@code
 * Bar bar = Bar.of(List.of("a", "b"), List.of(1, 2)).with("marker.line.width", 0);
 * }</pre>
 *
 * <p>Values may be {@link String}, {@link Number}, {@link Boolean}, {@link java.time.LocalDate} and
 * other {@code java.time} values (written as ISO text), {@link PlotlyEnum} constants, nested
 * {@code PlotlyObject}s, {@link List}s and {@link Map}s of those, and primitive arrays.
 *
 * @param <T> the concrete type, returned by withers
 */
public abstract class PlotlyObject<T extends PlotlyObject<T>> {
    private final SortedMap<String, Object> attributes;

    /** Creates an object holding a copy of {@code attributes}. */
    protected PlotlyObject(Map<String, Object> attributes) {
        this.attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    /** Creates the same concrete type over new attributes. */
    protected abstract T create(Map<String, Object> attributes);

    /**
     * Returns a copy with the attribute at {@code path} (dot separated, e.g. {@code "marker.color"})
     * set to {@code value}; a {@code null} value removes it.
     */
    public final T with(String path, Object value) {
        Objects.requireNonNull(path, "path");
        if (path.isBlank() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw FapException.invalidArgument("invalid Plotly attribute path '" + path + "'",
                    "use dot-separated attribute names such as \"marker.color\"");
        }
        return create(put(attributes, path.split("\\."), 0, normalize(value)));
    }

    /** The attribute at {@code path} (dot separated), or {@code null} when it is not set. */
    public final Object get(String path) {
        Object current = attributes;
        for (String key : path.split("\\.")) {
            if (current instanceof PlotlyObject<?> object) {
                current = object.attributes();
            }
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    /** All attributes, sorted by name; the map is unmodifiable. */
    public final SortedMap<String, Object> attributes() {
        return attributes;
    }

    /** This object as compact, deterministic Plotly JSON. */
    public final String toJson() {
        return PlotlyJson.write(this);
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && attributes.equals(((PlotlyObject<?>) other).attributes);
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode() * 31 + attributes.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + toJson();
    }

    private static Map<String, Object> put(Map<String, Object> base, String[] path, int index, Object value) {
        TreeMap<String, Object> copy = new TreeMap<>(base);
        String key = path[index];
        if (index == path.length - 1) {
            if (value == null) {
                copy.remove(key);
            } else {
                copy.put(key, value);
            }
            return copy;
        }
        Object child = copy.get(key);
        Map<String, Object> childMap;
        if (child instanceof PlotlyObject<?> object) {
            childMap = object.attributes();
        } else if (child instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            childMap = typed;
        } else {
            childMap = Map.of();
        }
        Map<String, Object> updated = put(childMap, path, index + 1, value);
        if (child instanceof PlotlyObject<?> object) {
            copy.put(key, object.recreate(updated));
        } else if (updated.isEmpty()) {
            copy.remove(key);
        } else {
            copy.put(key, Collections.unmodifiableSortedMap(new TreeMap<>(updated)));
        }
        return copy;
    }

    private Object recreate(Map<String, Object> updated) {
        return create(updated);
    }

    /** Copies mutable containers so that later changes by the caller cannot leak into the figure. */
    static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof PlotlyObject<?>
                || value instanceof PlotlyEnum || value instanceof Character) {
            return value;
        }
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof double[] array) {
            List<Object> list = new ArrayList<>(array.length);
            for (double d : array) {
                list.add(d);
            }
            return Collections.unmodifiableList(list);
        }
        if (value instanceof long[] array) {
            List<Object> list = new ArrayList<>(array.length);
            for (long l : array) {
                list.add(l);
            }
            return Collections.unmodifiableList(list);
        }
        if (value instanceof int[] array) {
            List<Object> list = new ArrayList<>(array.length);
            for (int i : array) {
                list.add(i);
            }
            return Collections.unmodifiableList(list);
        }
        if (value instanceof double[][] || value instanceof Object[]) {
            Object[] array = value instanceof double[][] matrix ? matrix : (Object[]) value;
            List<Object> list = new ArrayList<>(array.length);
            for (Object element : array) {
                list.add(normalize(element));
            }
            return Collections.unmodifiableList(list);
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> list = new ArrayList<>();
            for (Object element : iterable) {
                list.add(normalize(element));
            }
            return Collections.unmodifiableList(list);
        }
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> copy = new TreeMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v)));
            return Collections.unmodifiableSortedMap(copy);
        }
        if (value instanceof java.time.temporal.TemporalAccessor) {
            return value.toString();
        }
        throw FapException.invalidArgument("Plotly attributes cannot hold a " + value.getClass().getName(),
                "pass strings, numbers, booleans, dates, lists, maps or Plotly objects");
    }
}

package dev.fap.generator.rows;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Reflection over the row records: their values as an array, and copies with some values replaced. */
public final class RecordValues {
    private RecordValues() {}

    /** The record's component values in declaration (= contract) order. */
    public static Object[] values(Record r) {
        RecordComponent[] rc = r.getClass().getRecordComponents();
        Object[] v = new Object[rc.length];
        try {
            for (int i = 0; i < rc.length; i++) {
                v[i] = rc[i].getAccessor().invoke(r);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + r.getClass().getSimpleName(), e);
        }
        return v;
    }

    /** A new record of {@code type} from values in declaration order (null is allowed for reference types). */
    public static <R extends Record> R create(Class<R> type, Object[] values) {
        RecordComponent[] rc = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<R> c = type.getDeclaredConstructor(types);
            return c.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot build " + type.getSimpleName() + " from " + Arrays.toString(values), e);
        }
    }

    /** A copy of {@code r} with component {@code index} set to {@code value}. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R r, int index, Object value) {
        Object[] v = values(r);
        v[index] = value;
        return create((Class<R>) r.getClass(), v);
    }
}

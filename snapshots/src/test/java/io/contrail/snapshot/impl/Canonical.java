package io.contrail.snapshot.impl;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns values into something {@code equals} compares by content and class: records (whose
 * {@code equals} compares array components by identity), arrays and map entries become lists
 * that start with their class name.
 */
final class Canonical {

    private Canonical() {
    }

    static Object of(Object value) {
        if (value == null) {
            return null;
        }
        Class<?> type = value.getClass();
        List<Object> out = new ArrayList<>();
        out.add(type.getName());
        if (type.isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                out.add(of(Array.get(value, i)));
            }
        } else if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                try {
                    var field = type.getDeclaredField(c.getName());
                    field.setAccessible(true);
                    out.add(c.getName());
                    out.add(of(field.get(value)));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        } else if (value instanceof Map.Entry<?, ?> entry) {
            out.add(of(entry.getKey()));
            out.add(of(entry.getValue()));
        } else {
            out.add(value);
        }
        return out;
    }

    /** {@code of} applied to each key and value, flattened to key, value, key, value... */
    static List<Object> flat(Map<?, ?> entries) {
        List<Object> out = new ArrayList<>();
        entries.forEach((k, v) -> {
            out.add(of(k));
            out.add(of(v));
        });
        return out;
    }
}

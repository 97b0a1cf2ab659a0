package org.relayrcm.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Short lists stored in one column as comma-separated values: a line's modifiers ("25,RT") and its
 * diagnosis pointers ("1,2"). Coding writes them, claims and audits read them: one format, one place.
 */
public final class ListColumns {

    private ListColumns() {
    }

    public static List<String> split(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
    }

    public static List<Integer> integers(String column) {
        return split(column).stream().map(Integer::valueOf).toList();
    }

    public static String join(List<?> values) {
        return String.join(",", values.stream().filter(Objects::nonNull).map(String::valueOf).toList());
    }
}

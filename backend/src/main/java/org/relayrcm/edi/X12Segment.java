package org.relayrcm.edi;

import java.util.List;

/**
 * One segment as read: its tag, where it is in the file, and its elements as lists of components (a simple element
 * is a one-component list). Positions are 1-based as in the implementation guides (CLP03 is {@code element(3)}).
 */
record X12Segment(String tag, int number, List<List<String>> elements) {

    /** The element's first component, or "" when absent. */
    String element(int position) {
        List<String> components = components(position);
        return components.isEmpty() ? "" : components.get(0);
    }

    /** All components of the element (empty list when absent). */
    List<String> components(int position) {
        if (position < 1 || position > elements.size()) {
            return List.of();
        }
        List<String> components = elements.get(position - 1);
        return components == null ? List.of() : components;
    }

    /** Component {@code component} (1-based) of the element, or "" when absent. */
    String component(int position, int component) {
        List<String> components = components(position);
        return component <= components.size() ? nullToEmpty(components.get(component - 1)) : "";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

package org.relayrcm.badinput;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One change to a valid JSON body: the value at a JSON pointer replaced, added or removed. A pointer may start with
 * {@code @Type} to mean the resource of a FHIR bundle's first entry of that type ({@code @Patient/birthDate}).
 *
 * <p>Values are JSON literals, or {@code !remove}, {@code !chars:N} (a string of N characters),
 * {@code !deep:N} (arrays nested N deep).
 */
final class JsonMutations {

    static final ObjectMapper JSON = new ObjectMapper();

    private JsonMutations() {
    }

    static String apply(String body, String pointer, String value) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonPointer at = JsonPointer.compile(resolve(root, pointer));
            JsonNode parent = root.at(at.head());
            String last = at.last().getMatchingProperty();
            if (value.equals("!remove")) {
                if (parent instanceof ObjectNode o) {
                    o.remove(last);
                } else {
                    ((ArrayNode) parent).remove(Integer.parseInt(last));
                }
                return JSON.writeValueAsString(root);
            }
            if (value.startsWith("!deep:")) {
                // Written as text: a tree this deep would overflow Jackson's own serializer.
                String marker = "\"__deep__\"";
                put(parent, last, TextNode.valueOf("__deep__"));
                return JSON.writeValueAsString(root).replace(marker, deep(Integer.parseInt(value.substring(6))));
            }
            put(parent, last, value.startsWith("!chars:") ? TextNode.valueOf(chars(Integer.parseInt(value.substring(7))))
                    : JSON.readTree(value));
            return JSON.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Cannot apply " + pointer + " = " + value, e);
        }
    }

    static String deep(int levels) {
        return "[".repeat(levels) + "]".repeat(levels);
    }

    static String chars(int n) {
        return "x".repeat(n);
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void put(JsonNode parent, String last, JsonNode value) {
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            if (last.equals("-")) {
                a.add(value);
            } else {
                a.set(Integer.parseInt(last), value);
            }
        } else {
            throw new IllegalArgumentException("No object or array to change at " + last);
        }
    }

    /** {@code @Patient/birthDate} → {@code /entry/0/resource/birthDate} for the bundle's first Patient. */
    private static String resolve(JsonNode root, String pointer) {
        if (!pointer.startsWith("@")) {
            return pointer;
        }
        int slash = pointer.indexOf('/');
        String type = slash < 0 ? pointer.substring(1) : pointer.substring(1, slash);
        String rest = slash < 0 ? "" : pointer.substring(slash);
        JsonNode entries = root.path("entry");
        for (int i = 0; i < entries.size(); i++) {
            if (type.equals(entries.get(i).path("resource").path("resourceType").asText())) {
                return "/entry/" + i + "/resource" + rest;
            }
        }
        throw new IllegalArgumentException("The bundle has no " + type);
    }

    /** A well-formed body per endpoint, each of which the API would take; the manifest's rows break one part. */
    static Map<String, Object> base(String name) {
        return switch (name) {
            case "codes" -> org.relayrcm.testing.RelayFixture.codes(List.of("RT"));
            case "claim-fix" -> Map.of("note", "Added the modifier", "lineCorrections", List.of(line()));
            case "resolution" -> Map.of("action", "RESUBMIT", "note", "Corrected", "lineCorrections", List.of(line()));
            case "recode" -> Map.of("note", "Recoded", "lineCorrections", List.of(line()));
            case "appeal" -> Map.of("argument", "The service was medically necessary; notes attached.");
            case "payment" -> Map.of("amountCents", 1000, "method", "CHECK", "reference", "CHK-1001",
                    "receivedOn", "2026-01-15");
            case "follow-up" -> Map.of("note", "Called the payer");
            default -> throw new IllegalArgumentException("No base body named " + name);
        };
    }

    private static Map<String, Object> line() {
        return Map.of("lineNumber", 1, "modifiers", List.of("RT"), "diagnosisPointers", List.of(1), "units", 1);
    }
}

package org.relayrcm.badinput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Deterministic damage to a valid X12 interchange: the manifest names a mutation and its argument (a fixed seed
 * where chance is involved), so every generated case is the same bytes on every run.
 *
 * <p>Mutations: {@code cut:N} (the first N bytes), {@code drop:SEG} and {@code dup:SEG} (the first segment of that
 * id removed or doubled), {@code shuffle:SEED} (the segments inside the first transaction shuffled),
 * {@code reverse}, {@code element-separator:C} and {@code terminator:C} (separators other than the ISA declares),
 * {@code isa-width:N}, {@code set:SEG:N:VALUE} (element N of the first SEG), {@code utf16} and {@code bloat:MB}
 * (the interchange repeated to that many megabytes).
 */
final class X12Mutations {

    private X12Mutations() {
    }

    static byte[] apply(byte[] sample, String mutation) {
        String[] parts = mutation.split(":", 2);
        String name = parts[0];
        String arg = parts.length > 1 ? parts[1] : "";
        if (name.equals("cut")) {
            return Arrays.copyOf(sample, Math.min(sample.length, Integer.parseInt(arg)));
        }
        if (name.equals("utf16")) {
            return new String(sample, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_16);
        }
        if (name.equals("bloat")) {
            return bloat(sample, Integer.parseInt(arg) * 1024 * 1024);
        }
        Interchange x12 = Interchange.of(sample);
        switch (name) {
            case "drop" -> x12.segments.remove(x12.indexOf(arg));
            case "dup" -> x12.segments.add(x12.indexOf(arg), x12.segments.get(x12.indexOf(arg)));
            case "shuffle" -> x12.shuffleTransaction(Long.parseLong(arg));
            case "reverse" -> Collections.reverse(x12.segments);
            case "element-separator" -> x12.bodyElementSeparator = arg;
            case "terminator" -> x12.terminator = arg;
            case "isa-width" -> x12.isaWidth(Integer.parseInt(arg));
            case "set" -> x12.set(arg);
            default -> throw new IllegalArgumentException("Unknown X12 mutation " + mutation);
        }
        return x12.bytes();
    }

    /** Random bytes of a fixed seed: not X12 at all. */
    static byte[] garbage(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] bloat(byte[] sample, int size) {
        byte[] bytes = new byte[size + sample.length];
        int at = 0;
        while (at < size) {
            System.arraycopy(sample, 0, bytes, at, sample.length);
            at += sample.length;
        }
        return Arrays.copyOf(bytes, at);
    }

    /** Segments of an interchange, split on the terminator its ISA declares (line breaks between them dropped). */
    private static final class Interchange {

        final List<String> segments;
        final String elementSeparator;
        String bodyElementSeparator;
        String terminator;

        private Interchange(List<String> segments, String elementSeparator, String terminator) {
            this.segments = segments;
            this.elementSeparator = elementSeparator;
            this.bodyElementSeparator = elementSeparator;
            this.terminator = terminator;
        }

        static Interchange of(byte[] sample) {
            String text = new String(sample, StandardCharsets.ISO_8859_1).strip();
            String element = text.substring(3, 4);
            String terminator = text.substring(105, 106);
            List<String> segments = new ArrayList<>();
            for (String s : text.split(java.util.regex.Pattern.quote(terminator))) {
                if (!s.isBlank()) {
                    segments.add(s.strip());
                }
            }
            return new Interchange(segments, element, terminator);
        }

        int indexOf(String id) {
            for (int i = 0; i < segments.size(); i++) {
                if (segments.get(i).startsWith(id + elementSeparator)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("The sample has no " + id + " segment");
        }

        void shuffleTransaction(long seed) {
            int st = indexOf("ST");
            int se = indexOf("SE");
            Collections.shuffle(segments.subList(st + 1, se), new Random(seed));
        }

        /** Widens or narrows ISA06 (the sender id) so the fixed-width ISA is {@code width} characters long. */
        void isaWidth(int width) {
            String[] isa = segments.get(0).split(java.util.regex.Pattern.quote(elementSeparator), -1);
            int now = segments.get(0).length() + 1;
            int sender = Math.max(1, isa[6].length() + width - now);
            isa[6] = (isa[6].strip() + " ".repeat(sender)).substring(0, sender);
            segments.set(0, String.join(elementSeparator, isa));
        }

        /** {@code SEG:N:VALUE}: element N (1-based) of the first SEG segment, added when the segment is shorter. */
        void set(String arg) {
            String[] spec = arg.split(":", 3);
            int index = indexOf(spec[0]);
            List<String> elements = new ArrayList<>(
                    Arrays.asList(segments.get(index).split(java.util.regex.Pattern.quote(elementSeparator), -1)));
            int n = Integer.parseInt(spec[1]);
            while (elements.size() <= n) {
                elements.add("");
            }
            elements.set(n, spec[2]);
            segments.set(index, String.join(elementSeparator, elements));
        }

        byte[] bytes() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < segments.size(); i++) {
                String segment = i == 0 ? segments.get(i)
                        : segments.get(i).replace(elementSeparator, bodyElementSeparator);
                out.append(segment).append(terminator).append('\n');
            }
            return out.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}

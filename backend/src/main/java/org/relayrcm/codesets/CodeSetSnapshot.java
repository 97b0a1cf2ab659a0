package org.relayrcm.codesets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One code set version held in memory: codes sorted for prefix lookups, an inverted index of title words
 * for word-prefix search, and the Excludes1 notes. Immutable once built; searches need no database.
 * Chosen over pg_trgm by measurement (CodeSearchBenchmarkIT): a search over 98,186 FY2026 codes costs
 * well under a millisecond here, and the whole index of a full set is about 30 MB.
 */
public final class CodeSetSnapshot {

    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{Alnum}]+");

    /** A code as loaded for the index. */
    record Row(String code, String description, boolean billable, LocalDate validFrom, LocalDate validTo) {
    }

    /** An Excludes1 reference: codes from {@code from} to {@code to}, compared as prefixes. */
    record Exclusion(String code, String from, String to) {
    }

    private final CodeSetVersion version;
    private final String[] codes;
    private final String[] descriptions;
    private final String[] lowerDescriptions;
    private final boolean[] billable;
    private final LocalDate[] validFrom;
    private final LocalDate[] validTo;
    private final Map<String, Integer> positions;
    private final String[] vocabulary;
    private final int[][] postings;
    private final Map<String, List<Exclusion>> exclusions;

    CodeSetSnapshot(CodeSetVersion version, List<Row> rows, List<Exclusion> exclusionRows) {
        this.version = version;
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row::code));
        int n = sorted.size();
        codes = new String[n];
        descriptions = new String[n];
        lowerDescriptions = new String[n];
        billable = new boolean[n];
        validFrom = new LocalDate[n];
        validTo = new LocalDate[n];
        positions = new HashMap<>(n * 2);
        TreeMap<String, List<Integer>> words = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            Row r = sorted.get(i);
            codes[i] = r.code();
            descriptions[i] = r.description();
            lowerDescriptions[i] = " " + (r.description() == null ? "" : r.description().toLowerCase(Locale.ROOT)) + " ";
            billable[i] = r.billable();
            validFrom[i] = r.validFrom();
            validTo[i] = r.validTo();
            positions.put(r.code(), i);
            for (String w : WORD_SPLIT.split(lowerDescriptions[i])) {
                if (!w.isEmpty()) {
                    List<Integer> list = words.computeIfAbsent(w, k -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1) != i) {
                        list.add(i);
                    }
                }
            }
        }
        vocabulary = words.keySet().toArray(String[]::new);
        postings = new int[vocabulary.length][];
        int k = 0;
        for (List<Integer> list : words.values()) {
            postings[k++] = list.stream().mapToInt(Integer::intValue).toArray();
        }
        Map<String, List<Exclusion>> byCode = new HashMap<>();
        for (Exclusion e : exclusionRows) {
            byCode.computeIfAbsent(e.code(), c -> new ArrayList<>()).add(e);
        }
        exclusions = byCode;
    }

    /** A snapshot straight from a parsed file, without the database (tools and tests). */
    public static CodeSetSnapshot of(CodeSetVersion version, CodeSetFiles.ParsedCodeSet parsed) {
        return new CodeSetSnapshot(version,
                parsed.codes().stream().map(c -> new Row(c.code(), c.description(), c.billable(), c.validFrom(), c.validTo()))
                        .toList(),
                parsed.exclusions().stream().map(e -> new Exclusion(e.code(), e.from(), e.to())).toList());
    }

    public CodeSetVersion version() {
        return version;
    }

    public int size() {
        return codes.length;
    }

    /** True when the date is after this version's end: it is still used, with a warning, until a newer import. */
    public boolean pastEndOn(LocalDate date) {
        return version.effectiveTo() != null && date.isAfter(version.effectiveTo());
    }

    public Optional<CodeEntry> entry(String code) {
        Integer i = positions.get(version.system().normalize(code));
        return i == null ? Optional.empty() : Optional.of(entry(i));
    }

    /** False for codes this version lists with dates that exclude the date (HCPCS additions and terminations). */
    public boolean validOn(String code, LocalDate date) {
        Integer i = positions.get(version.system().normalize(code));
        return i != null && validAt(i, date);
    }

    /** Billable codes below a header code, in code order (E11.2 -> E11.21, E11.22, ...). */
    public List<CodeEntry> billableChildren(String header, LocalDate date, int max) {
        String prefix = version.system().normalize(header);
        List<CodeEntry> children = new ArrayList<>();
        for (int i = lowerBound(prefix); i < codes.length && codes[i].startsWith(prefix) && children.size() < max; i++) {
            if (billable[i] && !codes[i].equals(prefix) && (date == null || validAt(i, date))) {
                children.add(entry(i));
            }
        }
        return children;
    }

    /** Excludes1: true when a note on {@code code} or one of its parents excludes {@code other}. */
    public boolean excludes(String code, String other) {
        String a = version.system().normalize(code);
        String b = version.system().normalize(other);
        for (int len = Math.min(3, a.length()); len <= a.length(); len++) {
            for (Exclusion e : exclusions.getOrDefault(a.substring(0, len), List.of())) {
                if (matches(b, e.from(), e.to())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(String code, String from, String to) {
        if (from.equals(to)) {
            return code.startsWith(from);
        }
        String low = code.substring(0, Math.min(code.length(), from.length()));
        String high = code.substring(0, Math.min(code.length(), to.length()));
        return low.compareTo(from) >= 0 && high.compareTo(to) <= 0;
    }

    /**
     * Code prefixes with or without the dot, title words in any order, partial words ("diab neph" finds
     * E11.21). Each word must match the start of a title word or of the code. Exact code first, then
     * billable before header codes, then closer matches (more whole-word hits, shorter titles), then code.
     */
    public List<CodeMatch> search(String text, LocalDate date, int limit) {
        String q = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty() || limit < 1) {
            return List.of();
        }
        String compact = version.system().normalize(q);
        String[] tokens = Arrays.stream(WORD_SPLIT.split(q.replace(".", ""))).filter(t -> !t.isEmpty())
                .toArray(String[]::new);
        BitSet hits = null;
        // The whole query as one code prefix ("e11.9", "E11 9").
        BitSet asCode = codePrefix(compact);
        for (String token : tokens) {
            BitSet tokenHits = wordPrefix(token);
            tokenHits.or(codePrefix(token.toUpperCase(Locale.ROOT)));
            if (hits == null) {
                hits = tokenHits;
            } else {
                hits.and(tokenHits);
            }
        }
        if (hits == null) {
            hits = asCode;
        } else {
            hits.or(asCode);
        }
        String[] patterns = Arrays.stream(tokens).map(t -> " " + t + " ").toArray(String[]::new);
        String[] commaPatterns = Arrays.stream(tokens).map(t -> " " + t + ",").toArray(String[]::new);
        // One sortable key per hit: exact code, billable, whole-word hits, length, then code order (= index).
        PriorityQueue<Long> best = new PriorityQueue<>(limit + 1, Comparator.reverseOrder());
        for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
            if (date != null && !validAt(i, date)) {
                continue;
            }
            int whole = 0;
            for (int t = 0; t < patterns.length; t++) {
                if (lowerDescriptions[i].contains(patterns[t]) || lowerDescriptions[i].contains(commaPatterns[t])) {
                    whole++;
                }
            }
            long key = ((codes[i].equals(compact) ? 0L : 1L) << 62)
                    | ((billable[i] ? 0L : 1L) << 61)
                    | ((long) Math.max(0, 31 - whole) << 56)
                    | ((long) Math.min(lowerDescriptions[i].length() + codes[i].length(), 0xFFFF) << 32)
                    | i;
            if (best.size() < limit) {
                best.add(key);
            } else if (key < best.peek()) {
                best.poll();
                best.add(key);
            }
        }
        long[] keys = best.stream().mapToLong(Long::longValue).sorted().toArray();
        CodeSystem system = version.system();
        List<CodeMatch> found = new ArrayList<>(keys.length);
        for (long key : keys) {
            int i = (int) (key & 0xFFFFFFFFL);
            found.add(new CodeMatch(system, codes[i], system.display(codes[i]), descriptions[i], billable[i], !billable[i]));
        }
        return found;
    }

    private BitSet codePrefix(String prefix) {
        BitSet set = new BitSet(codes.length);
        if (prefix.isEmpty()) {
            return set;
        }
        for (int i = lowerBound(prefix); i < codes.length && codes[i].startsWith(prefix); i++) {
            set.set(i);
        }
        return set;
    }

    private BitSet wordPrefix(String prefix) {
        BitSet set = new BitSet(codes.length);
        int from = Arrays.binarySearch(vocabulary, prefix);
        if (from < 0) {
            from = -from - 1;
        }
        // One character is too short to be part of a word ("vitamin d"): it must be the whole word.
        int to = prefix.length() == 1 ? Math.min(vocabulary.length, from + 1) : vocabulary.length;
        for (int w = from; w < to && vocabulary[w].startsWith(prefix); w++) {
            if (prefix.length() == 1 && !vocabulary[w].equals(prefix)) {
                break;
            }
            for (int i : postings[w]) {
                set.set(i);
            }
        }
        return set;
    }

    private int lowerBound(String prefix) {
        int i = Arrays.binarySearch(codes, prefix);
        return i < 0 ? -i - 1 : i;
    }

    private boolean validAt(int i, LocalDate date) {
        return (validFrom[i] == null || !date.isBefore(validFrom[i])) && (validTo[i] == null || !date.isAfter(validTo[i]));
    }

    private CodeEntry entry(int i) {
        return new CodeEntry(version.system(), codes[i], descriptions[i], billable[i]);
    }
}

package org.relayrcm.codesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Search and lookups on the in-memory index of the full FY2026 order file. */
class CodeSetSnapshotTest {

    private final CodeSetSnapshot fy2026 = SharedCodeSetFiles.snapshot(CodeSystem.ICD10CM, SharedCodeSetFiles.FY2026_ORDER);
    private final LocalDate dos = SharedCodeSetFiles.fy2026();

    @Test
    void findsPartialWordsInAnyOrder() {
        assertThat(codes(fy2026.search("diab neph", dos, 20))).contains("E1121");
        assertThat(codes(fy2026.search("neph diab", dos, 20))).contains("E1121");
    }

    @Test
    void findsCodePrefixesWithOrWithoutTheDot() {
        assertThat(codes(fy2026.search("e119", dos, 5))).first().isEqualTo("E119");
        assertThat(codes(fy2026.search("E11.9", dos, 5))).first().isEqualTo("E119");
        assertThat(fy2026.search("E11.2", dos, 20)).allMatch(m -> m.code().startsWith("E112"));
    }

    @Test
    void showsDottedCodesAndMarksHeaders() {
        CodeMatch e11 = fy2026.search("E11", dos, 1).get(0);
        assertThat(e11.display()).isEqualTo("E11");
        assertThat(e11.header()).isTrue();
        CodeMatch e1121 = fy2026.search("E1121", dos, 1).get(0);
        assertThat(e1121.display()).isEqualTo("E11.21");
        assertThat(e1121.billable()).isTrue();
        assertThat(e1121.header()).isFalse();
    }

    @Test
    void ranksBillableCodesBeforeHeaders() {
        List<CodeMatch> found = fy2026.search("diabetes", dos, 20);
        assertThat(found).hasSize(20).allMatch(CodeMatch::billable);
    }

    @Test
    void ranksCloserTitlesFirst() {
        assertThat(codes(fy2026.search("hypertension essential", dos, 3))).first().isEqualTo("I10");
        assertThat(codes(fy2026.search("hypertension", dos, 3))).first().isEqualTo("K766");
    }

    @Test
    void offersBillableChildrenOfAHeader() {
        assertThat(fy2026.billableChildren("E112", dos, 5)).extracting(CodeEntry::code)
                .containsExactly("E1121", "E1122", "E1129");
    }

    @Test
    void findsNothingForWordsNoTitleHas() {
        assertThat(fy2026.search("qqqzzz", dos, 20)).isEmpty();
    }

    /**
     * The index answers exactly what a scan of every title would: the same codes in the same order, for the
     * benchmark's queries and a few broad ones (a common word with a rare one, a one-letter word, a code prefix).
     */
    @Test
    void answersAsAFullScanWouldForManyQueries() {
        CodeSetFiles.ParsedCodeSet all = CodeSetFiles.parse(CodeSystem.ICD10CM, "2026-code-descriptions-tabular-order.zip",
                SharedCodeSetFiles.bytes(SharedCodeSetFiles.FY2026_ORDER), null);
        List<String> queries = List.of("e11", "E11.9", "e1121", "diab neph", "neph diab", "hypert", "essential hypertension",
                "knee osteoarth", "m17.1", "s52.5", "fract radius", "obstruct pulm exacerb", "uti", "urinary tract inf",
                "chest pain", "low back pain", "chronic kidney 3", "t40.1", "poison heroin", "vitamin d def",
                "encounter immuniz", "pain", "fracture of left femur", "a", "type 2 diabetes foot ulcer", "z00.0", "xyzzy");
        for (String q : queries) {
            assertThat(codes(fy2026.search(q, dos, 20))).as(q).isEqualTo(scan(all.codes(), q, 20));
        }
    }

    /** The search's contract written as a loop over every code: what matches, then the documented order. */
    private List<String> scan(List<CodeSetFiles.ParsedCode> all, String text, int limit) {
        String q = text.trim().toLowerCase(java.util.Locale.ROOT);
        String compact = CodeSystem.ICD10CM.normalize(q);
        List<String> tokens = java.util.Arrays.stream(q.replace(".", "").split("[^\\p{Alnum}]+"))
                .filter(s -> !s.isEmpty()).toList();
        record Hit(long key, String code) {
        }
        List<Hit> hits = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            CodeSetFiles.ParsedCode c = all.get(i);
            if ((c.validFrom() != null && dos.isBefore(c.validFrom())) || (c.validTo() != null && dos.isAfter(c.validTo()))) {
                continue;
            }
            String title = " " + (c.description() == null ? "" : c.description().toLowerCase(java.util.Locale.ROOT)) + " ";
            List<String> words = java.util.Arrays.asList(title.split("[^\\p{Alnum}]+"));
            boolean every = !tokens.isEmpty() && tokens.stream().allMatch(t -> c.code().startsWith(t.toUpperCase(java.util.Locale.ROOT))
                    || words.stream().anyMatch(w -> t.length() == 1 ? w.equals(t) : w.startsWith(t)));
            if (!every && !(!compact.isEmpty() && c.code().startsWith(compact))) {
                continue;
            }
            int whole = (int) tokens.stream().filter(t -> title.contains(" " + t + " ") || title.contains(" " + t + ",")).count();
            long key = ((c.code().equals(compact) ? 0L : 1L) << 62) | ((c.billable() ? 0L : 1L) << 61)
                    | ((long) Math.max(0, 31 - whole) << 56)
                    | ((long) Math.min(title.length() + c.code().length(), 0xFFFF) << 32);
            hits.add(new Hit(key, c.code()));
        }
        // Ties in the key fall back to code order, as the index's position does.
        return hits.stream().sorted(java.util.Comparator.comparingLong(Hit::key).thenComparing(Hit::code)).limit(limit)
                .map(Hit::code).toList();
    }

    private static List<String> codes(List<CodeMatch> matches) {
        return matches.stream().map(CodeMatch::code).toList();
    }
}

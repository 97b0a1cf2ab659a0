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

    private static List<String> codes(List<CodeMatch> matches) {
        return matches.stream().map(CodeMatch::code).toList();
    }
}

package org.relayrcm.clearinghouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.relayrcm.shared.ApiException;

/** How the intake tells files apart before reading them. */
class AckInboundFilesTest {

    static final String X999 = "ISA*00*          *00*          *ZZ*CH             *ZZ*RELAYRCM       *250315*0930*^*00501"
            + "*000000009*0*T*:~\nGS*FA*CH*RELAYRCM*20250315*0930*9*X*005010X231A1~\nST*999*0001*005010X231A1~\n"
            + "AK1*HC*77*005010X222A1~\nAK9*A*0*0*0~\nSE*4*0001~\nGE*1*9~\nIEA*1*000000009~\n";

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsTheTransactionSetOfAnEnvelopedOrABareFile() {
        assertThat(InboundFiles.transactionSet(bytes(X999))).isEqualTo("999");
        assertThat(InboundFiles.transactionSet(bytes("\uFEFF  ST*277*0001*005010X214~BHT*0085~"))).isEqualTo("277");
        assertThat(InboundFiles.transactionSet(bytes("ST|835|0001~"))).isEqualTo("835");
    }

    @Test
    void refusesWhatIsNotX12OrEmpty() {
        ApiException json = catchThrowableOfType(ApiException.class,
                () -> InboundFiles.transactionSet(bytes("{\"a\": 1}")));
        ApiException empty = catchThrowableOfType(ApiException.class,
                () -> InboundFiles.transactionSet(bytes(" \n")));

        assertThat(json.status().value()).isEqualTo(400);
        assertThat(json.getMessage()).contains("must start with an ISA segment");
        assertThat(empty.getMessage()).isEqualTo("The file is empty.");
    }

    @Test
    void theSameInterchangeReWrappedHasTheSameHashAndAnyOtherContentAnother() {
        String oneLine = X999.replace("\n", "");
        String indented = "\uFEFF" + X999.replace("\n", "\r\n    ");

        assertThat(InboundFiles.contentHash(bytes(oneLine))).isEqualTo(InboundFiles.contentHash(bytes(X999)))
                .isEqualTo(InboundFiles.contentHash(bytes(indented))).hasSize(64);
        assertThat(InboundFiles.contentHash(bytes(X999.replace("AK9*A", "AK9*R"))))
                .isNotEqualTo(InboundFiles.contentHash(bytes(X999)));
    }
}

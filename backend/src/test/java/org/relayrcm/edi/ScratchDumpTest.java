package org.relayrcm.edi;

import com.imsweb.x12.*;
import com.imsweb.x12.reader.X12Reader;
import java.io.*;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchDumpTest {
    @Test
    void dump() throws Exception {
        String x = new Remittance835Writer().writeToString(SampleClaims.envelope(7), List.of(Remittance835WriterTest.paidInPart()));
        System.out.println(x);
        X12Reader r = new X12Reader(X12Reader.FileType.ANSI835_5010_X221, new StringReader(x));
        System.out.println("errors " + r.getErrors() + " fatal " + r.getFatalErrors());
        dump(r.getLoops().get(0), "");
    }
    static void dump(Loop l, String ind) { System.out.println(ind + "LOOP " + l.getId());
      for (Segment s : l.getSegments()) { System.out.print(ind + "  " + s.getId()); for (Element e : s.getElements()) System.out.print(" " + e.getId()+"="+e.getValue()); System.out.println(); }
      for (Loop c : l.getLoops()) dump(c, ind + "  "); }
}

package org.relayrcm.edi;

import java.util.Objects;

/** Loop 1000B: the clearinghouse or payer receiving the file (NM1*40). */
public record Receiver(String name, String id) {

    public Receiver {
        Objects.requireNonNull(name, "receiver name");
        Objects.requireNonNull(id, "receiver id");
    }
}

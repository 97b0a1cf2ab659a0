package org.relayrcm.edi;

import java.util.Objects;

/**
 * Loop 2310B: the person who performed the services, when not the billing provider.
 *
 * @param taxonomyCode PRV03, may be {@code null} (then no PRV segment is written)
 */
public record RenderingProvider(String lastName, String firstName, String npi, String taxonomyCode) {

    public RenderingProvider {
        Objects.requireNonNull(lastName, "rendering provider last name");
        Npi.requireValid(npi, "rendering provider NPI");
    }
}

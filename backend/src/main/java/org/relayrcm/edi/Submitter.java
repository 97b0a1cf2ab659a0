package org.relayrcm.edi;

import java.util.Objects;

/**
 * Loop 1000A: who sends the claim file (us, or the clearinghouse account we submit under).
 *
 * @param name        NM103 organization name
 * @param id          NM109 submitter id assigned by the receiver
 * @param contactName PER02
 * @param phone       PER04 (digits only), may be {@code null} when an email is given
 * @param email       PER06 or PER04, may be {@code null} when a phone is given
 */
public record Submitter(String name, String id, String contactName, String phone, String email) {

    public Submitter {
        Objects.requireNonNull(name, "submitter name");
        Objects.requireNonNull(id, "submitter id");
        Objects.requireNonNull(contactName, "submitter contact name");
        if (isBlank(phone) && isBlank(email)) {
            throw new IllegalArgumentException("submitter contact needs a phone number or an email address");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

package org.relayrcm.claims.scrub;

import java.util.Set;

/**
 * The modifiers the scrubber knows. The code sets Relay imports carry procedure codes but no modifiers
 * (the HCPCS file's modifier records are counted, not kept), so this is a curated list: CPT Appendix A and
 * the HCPCS Level II modifiers a physician practice commonly bills. A modifier outside it is a warning to
 * check, not an error.
 */
final class KnownModifiers {

    static final Set<String> ALL = Set.of(
            // CPT
            "22", "23", "24", "25", "26", "27", "32", "33", "47", "50", "51", "52", "53", "54", "55", "56", "57", "58",
            "59", "62", "63", "66", "73", "74", "76", "77", "78", "79", "80", "81", "82", "90", "91", "92", "93", "95",
            "96", "97", "99",
            // HCPCS Level II: sides and digits, anatomy, distinct services, therapy, telehealth, notices, drugs
            "LT", "RT", "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "TA", "T1",
            "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LC", "LD", "RC", "RI", "LM", "XE", "XP", "XS", "XU", "TC",
            "GP", "GO", "GN", "GT", "GQ", "FQ", "FR", "GA", "GX", "GY", "GZ", "GC", "GE", "GV", "GW", "KX", "QW",
            "Q5", "Q6", "QK", "QX", "QY", "QZ", "AS", "AI", "CR", "CS", "JW", "JZ", "JG", "TB", "PO", "PN", "SA", "SB",
            "SG", "KO", "KP", "KQ", "ET", "AQ", "AR", "GG", "GH", "CG", "PD", "FS", "FT", "FX", "FY", "CT", "UN",
            "UP", "UQ", "UR", "US", "SL", "EP", "HA", "HB", "HC", "HD", "HE", "HF", "HG", "HH", "HI", "HJ", "HK", "HL",
            "HM", "HN", "HO", "HP", "HQ", "HR", "HS", "HT", "HU", "HV", "HW", "HX", "HY", "HZ", "U1", "U2", "U3", "U4",
            "U5", "U6", "U7", "U8", "U9", "UA", "UB", "UC", "UD");

    private KnownModifiers() {
    }
}

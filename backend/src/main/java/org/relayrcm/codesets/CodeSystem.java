package org.relayrcm.codesets;

import java.util.Locale;

/**
 * The code systems Relay keeps. ICD-10-CM and HCPCS come from the official CMS files, CPT from a
 * user-supplied licensed CSV (numbers only are ever shipped), OPCS-4 and WHO ICD-10 (5th edition) from
 * user-supplied CSV files for UK users.
 */
public enum CodeSystem {
    ICD10CM(true), HCPCS(false), CPT(false), OPCS4(true), ICD10(true);

    private final boolean dotted;

    CodeSystem(boolean dotted) {
        this.dotted = dotted;
    }

    /** How codes are stored: upper case, no dot, no spaces. */
    public String normalize(String code) {
        return code == null ? "" : code.replace(".", "").replace(" ", "").trim().toUpperCase(Locale.ROOT);
    }

    /** How people read the code: ICD-style systems put a dot after the third character (E11.21). */
    public String display(String code) {
        return dotted && code.length() > 3 ? code.substring(0, 3) + "." + code.substring(3) : code;
    }
}

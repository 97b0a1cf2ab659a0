package org.relayrcm.edi;

import static org.relayrcm.edi.Claim837Reading.controlNumber;
import static org.relayrcm.edi.Claim837Reading.createdAt;
import static org.relayrcm.edi.Claim837Reading.money;
import static org.relayrcm.edi.Claim837Reading.refusal;
import static org.relayrcm.edi.Claim837Reading.refuse;
import static org.relayrcm.edi.Claim837Reading.require;
import static org.relayrcm.edi.Claim837Reading.usage;
import static org.relayrcm.edi.Claim837Reading.validated;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads an 837P professional claim (005010X222A1 or A2) file back into {@link ProfessionalClaim}s, one per CLM, in file
 * order, across every transaction, group and interchange. Layout is handled as for the 835 (BOM, line breaks, any
 * declared delimiters). The rule for content: loops and segments our records do not carry and that do not change
 * who is billed, who is paid, whom the claim is for or what was billed are skipped (referring provider, service
 * facility, pay-to address, notes, drug identification ...); anything that would make the returned claim say
 * something else than the file (a patient who is not the subscriber, other payers' adjudication, line-level rendering
 * providers, ICD-9 codes, units other than UN ...) refuses the whole file with an {@link X12FormatException}.
 *
 * <p>What a reader cannot get back from the file: the writer drops trailing zeros, so amounts come back with two
 * decimals ({@code 125} as {@code 125.00}); diagnoses come back with their dot ({@code J069} as {@code J06.9}); every
 * line carries its own DTP*472 date, so {@link ServiceLine#serviceDate()} is never {@code null}, and the claim's date
 * of service is the date most lines share (the first line's on a tie).
 */
public final class Claim837PReader {

    private static final String GUIDE_PREFIX = "005010X222";

    /**
     * Reads the whole stream (not closed). The file must also conform to its implementation guide (005010X222A1 or
     * A2, checked by {@link ClaimFileValidator}) after the claims are read.
     *
     * @throws X12FormatException when the file is not a readable 837P, breaks the envelope or the guide, or holds a
     *                            claim our records cannot carry; the message names the segment
     */
    public List<ProfessionalClaim> read(InputStream input) {
        Objects.requireNonNull(input, "input");
        byte[] file;
        try {
            file = input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ProfessionalClaim> claims = new ArrayList<>();
        try (X12SegmentReader segments = X12SegmentReader.open(new ByteArrayInputStream(file), "HC",
                Claim837PWriter.IMPLEMENTATION_GUIDE, warning -> {
                    // a bare ST..SE is refused at its ST below: a claim without ISA/GS has no envelope to return
                })) {
            new Parse(claims).run(segments);
        }
        if (claims.isEmpty()) {
            throw new X12FormatException(null, 0, "The file holds no 837P claim (no CLM segment).");
        }
        Claim837Reading.requireGuideConformance(file);
        return claims;
    }

    /** Where the segments that follow belong; N3, N4, REF, PRV and PER mean different things in each. */
    private enum Loop {
        HEADER, SUBMITTER, RECEIVER, BILLING, SUBSCRIBER, PAYER, CLAIM, RENDERING, LINE, OTHER
    }

    /** One pass over the file. */
    private static final class Parse {

        private final List<ProfessionalClaim> claims;

        private X12Segment isa;
        private X12Segment gs;
        private InterchangeEnvelope envelope;
        private Loop loop;
        private X12Segment submitterName;
        private X12Segment submitterContact;
        private X12Segment receiverName;
        private PartyBuilder billing;
        private X12Segment billingTaxId;
        private X12Segment billingTaxonomy;
        private PartyBuilder subscriber;
        private X12Segment sbr;
        private X12Segment dmg;
        private X12Segment payerName;
        private ClaimBuilder claim;
        private LineBuilder line;

        Parse(List<ProfessionalClaim> claims) {
            this.claims = claims;
        }

        void run(X12SegmentReader segments) {
            X12Segment segment;
            while ((segment = segments.next()) != null) {
                handle(segment);
            }
        }

        private void handle(X12Segment s) {
            switch (s.tag()) {
                case "ISA" -> {
                    isa = s;
                    gs = null;
                }
                case "GS" -> gs = s;
                case "ST" -> startTransaction(s);
                case "SE" -> {
                    finishClaim();
                    loop = null;
                }
                case "GE", "IEA" -> {
                    // counts and control numbers are checked by StAEDI
                }
                default -> {
                    if (loop != null) {
                        body(s);
                    }
                }
            }
        }

        private void startTransaction(X12Segment s) {
            if (!"837".equals(s.element(1))) {
                throw new X12FormatException("ST", s.number(), "Segment " + s.number()
                        + " starts a transaction of type " + s.element(1) + X12Values.describeTransaction(s.element(1))
                        + ", not an 837P professional claim.");
            }
            if (isa == null || gs == null) {
                throw new X12FormatException("ST", s.number(), "The 837 transaction at segment " + s.number()
                        + " has no ISA/GS envelope, so its sender and control numbers are unknown. Ask the sender "
                        + "for the complete interchange.");
            }
            String version = s.element(3).isEmpty() ? gs.element(8) : s.element(3);
            if (!version.startsWith(GUIDE_PREFIX)) {
                throw new X12FormatException("ST", s.number(), "The 837 transaction at segment " + s.number()
                        + " follows implementation guide " + version + (version.startsWith("005010X223")
                                ? " (an institutional 837I claim)" : version.startsWith("005010X224")
                                        ? " (a dental 837D claim)" : "")
                        + "; only professional claims (" + Claim837PWriter.IMPLEMENTATION_GUIDE + ") can be read.");
            }
            envelope = validated(s, "interchange envelope", () -> new InterchangeEnvelope(isa.element(5),
                    isa.element(6).trim(), isa.element(7), isa.element(8).trim(), controlNumber(isa, 13),
                    controlNumber(gs, 6), controlNumber(s, 2), createdAt(gs), usage(isa)));
            loop = Loop.HEADER;
            submitterName = null;
            submitterContact = null;
            receiverName = null;
            billing = null;
            subscriber = null;
            claim = null;
            line = null;
        }

        private void body(X12Segment s) {
            switch (s.tag()) {
                case "BHT" -> {
                    if (!"CH".equals(s.element(6))) {
                        throw new X12FormatException("BHT", s.number(), "BHT06 in segment " + s.number() + " is '"
                                + s.element(6) + "', not CH: the transaction is " + ("RP".equals(s.element(6))
                                        ? "an encounter report" : "not a chargeable claim")
                                + ", which cannot be read as a claim for payment.");
                    }
                }
                case "NM1" -> nm1(s);
                case "PER" -> {
                    if (loop == Loop.SUBMITTER && submitterContact == null) {
                        submitterContact = s;
                    }
                }
                case "HL" -> hl(s);
                case "PRV" -> prv(s);
                case "N3", "N4" -> address(s);
                case "REF" -> ref(s);
                case "DMG" -> {
                    if (loop == Loop.SUBSCRIBER) {
                        dmg = s;
                    }
                }
                case "SBR" -> sbr(s);
                case "CLM" -> {
                    finishClaim();
                    if (subscriber == null || payerName == null) {
                        throw new X12FormatException("CLM", s.number(), "The claim in segment " + s.number()
                                + " is not under a subscriber loop 2000B with its subscriber (NM1*IL) and payer "
                                + "(NM1*PR).");
                    }
                    claim = new ClaimBuilder(s);
                    loop = Loop.CLAIM;
                }
                case "HI" -> {
                    if (claim != null && line == null) {
                        diagnoses(s);
                    }
                }
                case "LX" -> {
                    if (claim == null) {
                        throw new X12FormatException("LX", s.number(), "The service line in segment " + s.number()
                                + " (LX) is not inside a claim (no CLM before it).");
                    }
                    finishLine();
                    line = new LineBuilder(s);
                    loop = Loop.LINE;
                }
                case "SV1" -> {
                    if (line == null || line.sv1 != null) {
                        throw new X12FormatException("SV1", s.number(), "SV1 in segment " + s.number()
                                + " is not the first service segment after an LX.");
                    }
                    line.sv1 = s;
                }
                case "DTP" -> {
                    if (line != null && loop == Loop.LINE && "472".equals(s.element(1))) {
                        line.dtp = s;
                    }
                }
                case "SVD" -> refuse(s, "it holds another payer's adjudication of a line (loop 2430, coordination "
                        + "of benefits)");
                default -> {
                    // CUR, PAT, PWK, CN1, AMT, NTE, CR1, CRC, HCP, QTY, MEA, K3, LIN, CTP, LQ, FRM ... are not modelled
                }
            }
        }

        private void nm1(X12Segment s) {
            switch (s.element(1)) {
                case "41" -> {
                    submitterName = s;
                    loop = Loop.SUBMITTER;
                }
                case "40" -> {
                    receiverName = s;
                    loop = Loop.RECEIVER;
                }
                case "85" -> {
                    if (billing == null || billing.name != null) {
                        throw new X12FormatException("NM1", s.number(), "The billing provider in segment " + s.number()
                                + " (NM1*85) is not the first name in a billing provider loop 2000A (HL*20).");
                    }
                    billing.name = s;
                    loop = Loop.BILLING;
                }
                case "PE" -> refuse(s, "it names a pay-to plan (loop 2010AC) that receives the payment instead of "
                        + "the billing provider");
                case "IL" -> {
                    if (claim != null || subscriber == null || subscriber.name != null) {
                        refuse(s, "it names another subscriber inside a claim (loop 2330A, coordination of benefits)");
                    }
                    subscriber.name = s;
                    loop = Loop.SUBSCRIBER;
                }
                case "PR" -> {
                    if (claim != null || subscriber == null || payerName != null) {
                        refuse(s, "it names another payer inside a claim (loop 2330B, coordination of benefits)");
                    }
                    payerName = s;
                    loop = Loop.PAYER;
                }
                case "82" -> {
                    if (line != null) {
                        refuse(s, "it gives a service line its own rendering provider (loop 2420A); a claim here has "
                                + "one rendering provider for all lines");
                    }
                    if (claim == null || claim.rendering != null) {
                        throw new X12FormatException("NM1", s.number(), "The rendering provider in segment "
                                + s.number() + " (NM1*82) is not the claim's one rendering provider loop 2310B.");
                    }
                    claim.rendering = s;
                    loop = Loop.RENDERING;
                }
                default -> loop = Loop.OTHER; // referring, facility, supervising, pay-to ... are not modelled
            }
        }

        private void hl(X12Segment s) {
            finishClaim();
            switch (s.element(3)) {
                case "20" -> {
                    billing = new PartyBuilder();
                    billingTaxId = null;
                    billingTaxonomy = null;
                    subscriber = null;
                    loop = Loop.BILLING;
                }
                case "22" -> {
                    if (billing == null) {
                        throw new X12FormatException("HL", s.number(), "The subscriber loop in segment " + s.number()
                                + " (HL*22) has no billing provider loop (HL*20) before it.");
                    }
                    subscriber = new PartyBuilder();
                    sbr = null;
                    dmg = null;
                    payerName = null;
                    loop = Loop.SUBSCRIBER;
                }
                case "23" -> refuse(s, "it starts a patient loop 2000C: the patient is not the subscriber, and claims "
                        + "here are only for patients who are the subscriber");
                default -> refuse(s, "its hierarchical level code '" + s.element(3) + "' is not one of 20 (billing "
                        + "provider), 22 (subscriber), 23 (patient)");
            }
        }

        private void prv(X12Segment s) {
            if (loop == Loop.BILLING && "BI".equals(s.element(1))) {
                billingTaxonomy = s;
            } else if (loop == Loop.RENDERING && "PE".equals(s.element(1))) {
                claim.renderingTaxonomy = s;
            }
        }

        private void address(X12Segment s) {
            PartyBuilder party = loop == Loop.BILLING && billing.name != null ? billing
                    : loop == Loop.SUBSCRIBER && subscriber.name != null ? subscriber : null;
            if (party == null) {
                return;
            }
            if ("N3".equals(s.tag())) {
                party.n3 = s;
            } else {
                party.n4 = s;
            }
        }

        private void ref(X12Segment s) {
            if (loop == Loop.BILLING && billing.name != null) {
                if ("EI".equals(s.element(1))) {
                    billingTaxId = s;
                } else if ("SY".equals(s.element(1))) {
                    refuse(s, "it identifies the billing provider by social security number (REF*SY); an "
                            + "employer identification number (REF*EI) is needed");
                }
            } else if (loop == Loop.CLAIM && "F8".equals(s.element(1))) {
                claim.payerClaimControlNumber = s;
            }
        }

        private void sbr(X12Segment s) {
            if (claim != null) {
                refuse(s, "it starts another payer's loop 2320 (coordination of benefits), which claims here do not "
                        + "carry");
            }
            if (subscriber == null) {
                throw new X12FormatException("SBR", s.number(), "SBR in segment " + s.number()
                        + " is not in a subscriber loop (HL*22).");
            }
            if (!"P".equals(s.element(1))) {
                refuse(s, "SBR01 is '" + s.element(1) + "': the payer is not the primary payer, and secondary "
                        + "claims are not modelled");
            }
            if (!"18".equals(s.element(2))) {
                refuse(s, "SBR02 is '" + s.element(2) + "' instead of 18: the patient is not the subscriber");
            }
            sbr = s;
        }

        private void diagnoses(X12Segment s) {
            for (int position = 1; position <= s.elements().size(); position++) {
                String qualifier = s.component(position, 1);
                String code = s.component(position, 2);
                switch (qualifier) {
                    case "ABK" -> {
                        if (!claim.diagnoses.isEmpty()) {
                            refuse(s, "its principal diagnosis (ABK) is not the claim's first diagnosis");
                        }
                        claim.diagnoses.add(icd10(code));
                    }
                    case "ABF" -> {
                        if (claim.diagnoses.isEmpty()) {
                            refuse(s, "it has other diagnoses (ABF) before the principal diagnosis (ABK)");
                        }
                        claim.diagnoses.add(icd10(code));
                    }
                    case "BK", "BF" -> refuse(s, "its diagnoses are ICD-9-CM codes (" + qualifier + "); only "
                            + "ICD-10-CM (ABK/ABF) can be read");
                    default -> {
                        // anesthesia procedures, condition codes, occurrence codes ... are not modelled
                    }
                }
            }
        }

        /** X12 carries ICD-10-CM without the dot, which always follows the third character. */
        private static String icd10(String code) {
            return code.length() > 3 && code.indexOf('.') < 0 ? code.substring(0, 3) + "." + code.substring(3) : code;
        }

        private void finishLine() {
            if (line != null) {
                claim.lines.add(line);
                line = null;
            }
        }

        private void finishClaim() {
            if (claim == null) {
                return;
            }
            finishLine();
            ClaimBuilder c = claim;
            claim = null;
            loop = Loop.OTHER;
            Submitter submitterRecord = submitter(c.clm);
            X12Segment receiver = require(receiverName, c.clm, "the receiver (loop 1000B, NM1*40)");
            Receiver receiverRecord = validated(receiver, "receiver",
                    () -> new Receiver(receiver.element(3), receiver.element(9)));
            claims.add(new ProfessionalClaim(envelope, submitterRecord, receiverRecord, billingProvider(c.clm),
                    subscriber(c.clm), payer(c.clm), c.build()));
        }

        private Submitter submitter(X12Segment clm) {
            X12Segment name = require(submitterName, clm, "the submitter (loop 1000A, NM1*41)");
            X12Segment per = require(submitterContact, name, "the submitter's contact (PER after NM1*41)");
            String phone = null;
            String email = null;
            for (int position = 3; position <= 7; position += 2) {
                String value = X12Values.emptyToNull(per.element(position + 1));
                switch (per.element(position)) {
                    case "TE" -> phone = phone == null ? value : phone;
                    case "EM" -> email = email == null ? value : email;
                    default -> {
                        // fax and extensions are not modelled
                    }
                }
            }
            String contactPhone = phone;
            String contactEmail = email;
            return validated(per, "submitter contact",
                    () -> new Submitter(name.element(3), name.element(9), per.element(2), contactPhone, contactEmail));
        }

        private BillingProvider billingProvider(X12Segment clm) {
            X12Segment name = require(billing == null ? null : billing.name, clm,
                    "the billing provider (loop 2010AA, NM1*85)");
            if (!"XX".equals(name.element(8))) {
                refuse(name, "the billing provider is identified by '" + name.element(8) + "' instead of an NPI (XX)");
            }
            X12Segment taxId = require(billingTaxId, name, "the billing provider's tax id (REF*EI)");
            X12Segment taxonomy = require(billingTaxonomy, name, "the billing provider's taxonomy (PRV*BI)");
            Address address = billing.address(name, "billing provider");
            return validated(name, "billing provider", () -> new BillingProvider(name.element(3), name.element(9),
                    taxId.element(2), taxonomy.element(3), address));
        }

        private Subscriber subscriber(X12Segment clm) {
            X12Segment name = require(subscriber.name, clm, "the subscriber (loop 2010BA, NM1*IL)");
            X12Segment demographics = require(dmg, name, "the subscriber's birth date and sex (DMG)");
            if (!"D8".equals(demographics.element(1))) {
                refuse(demographics, "DMG01 is '" + demographics.element(1) + "' instead of D8 (a CCYYMMDD date)");
            }
            LocalDate birthDate = X12Values.parseDate(demographics, 2);
            Sex sex = switch (demographics.element(3)) {
                case "F" -> Sex.FEMALE;
                case "M" -> Sex.MALE;
                case "U" -> Sex.UNKNOWN;
                default -> throw new X12FormatException("DMG", demographics.number(), "DMG03 '"
                        + demographics.element(3) + "' in segment " + demographics.number()
                        + " (DMG) is not a sex code (F, M or U).");
            };
            Address address = subscriber.address(name, "subscriber");
            return validated(name, "subscriber", () -> new Subscriber(name.element(3), X12Values.emptyToNull(name.element(4)),
                    name.element(9), birthDate, sex, address));
        }

        private Payer payer(X12Segment clm) {
            X12Segment name = require(payerName, clm, "the payer (loop 2010BB, NM1*PR)");
            X12Segment filing = require(sbr, name, "the subscriber information (SBR)");
            if (filing.element(9).isEmpty()) {
                throw new X12FormatException("SBR", filing.number(), "SBR09 (claim filing indicator) is missing in "
                        + "segment " + filing.number() + " (SBR).");
            }
            return validated(name, "payer", () -> new Payer(name.element(3), name.element(9), filing.element(9)));
        }
    }

    private static final class PartyBuilder {
        X12Segment name;
        X12Segment n3;
        X12Segment n4;

        Address address(X12Segment nm1, String who) {
            X12Segment street = require(n3, nm1, "the " + who + "'s street address (N3)");
            X12Segment city = require(n4, nm1, "the " + who + "'s city, state and ZIP code (N4)");
            return new Address(street.element(1), X12Values.emptyToNull(street.element(2)), city.element(1), city.element(2),
                    city.element(3));
        }
    }

    private static final class ClaimBuilder {
        final X12Segment clm;
        X12Segment payerClaimControlNumber;
        X12Segment rendering;
        X12Segment renderingTaxonomy;
        final List<String> diagnoses = new ArrayList<>();
        final List<LineBuilder> lines = new ArrayList<>();

        ClaimBuilder(X12Segment clm) {
            this.clm = clm;
        }

        ClaimDetails build() {
            BigDecimal total = money(X12Values.requireDecimal(clm, 2, "total claim charge"));
            String placeOfService = clm.component(5, 1);
            if (!"B".equals(clm.component(5, 2))) {
                refuse(clm, "CLM05-2 is '" + clm.component(5, 2) + "' instead of B (place of service codes)");
            }
            ClaimFrequency frequency = switch (clm.component(5, 3)) {
                case "1" -> ClaimFrequency.ORIGINAL;
                case "7" -> ClaimFrequency.REPLACEMENT;
                case "8" -> ClaimFrequency.VOID;
                default -> throw refusal(clm, "its claim frequency CLM05-3 '" + clm.component(5, 3) + "' is not 1 "
                        + "(original), 7 (replacement) or 8 (void)");
            };
            if (lines.isEmpty()) {
                refuse(clm, "the claim has no service lines (LX/SV1)");
            }
            List<ServiceLine> serviceLines = new ArrayList<>();
            for (LineBuilder line : lines) {
                serviceLines.add(line.build(placeOfService));
            }
            LocalDate dateOfService = mostCommonDate(serviceLines);
            RenderingProvider renderingProvider = rendering == null ? null : renderingProvider();
            String f8 = payerClaimControlNumber == null ? null : X12Values.emptyToNull(payerClaimControlNumber.element(2));
            return validated(clm, "claim " + clm.element(1), () -> new ClaimDetails(clm.element(1), total,
                    placeOfService, frequency, f8, dateOfService, diagnoses, serviceLines, renderingProvider));
        }

        private RenderingProvider renderingProvider() {
            if (!"XX".equals(rendering.element(8))) {
                refuse(rendering, "the rendering provider is identified by '" + rendering.element(8)
                        + "' instead of an NPI (XX)");
            }
            String taxonomy = renderingTaxonomy == null ? null : X12Values.emptyToNull(renderingTaxonomy.element(3));
            return validated(rendering, "rendering provider", () -> new RenderingProvider(rendering.element(3),
                    X12Values.emptyToNull(rendering.element(4)), rendering.element(9), taxonomy));
        }

        /** The claim's date of service: the date most lines share, the earliest line's on a tie. */
        private static LocalDate mostCommonDate(List<ServiceLine> lines) {
            Map<LocalDate, Integer> counts = new LinkedHashMap<>();
            for (ServiceLine line : lines) {
                counts.merge(line.serviceDate(), 1, Integer::sum);
            }
            LocalDate best = null;
            int bestCount = 0;
            for (Map.Entry<LocalDate, Integer> entry : counts.entrySet()) {
                if (entry.getValue() > bestCount) {
                    best = entry.getKey();
                    bestCount = entry.getValue();
                }
            }
            return best;
        }
    }

    private static final class LineBuilder {
        final X12Segment lx;
        X12Segment sv1;
        X12Segment dtp;

        LineBuilder(X12Segment lx) {
            this.lx = lx;
        }

        ServiceLine build(String claimPlaceOfService) {
            X12Segment s = require(sv1, lx, "the professional service (SV1)");
            if (!"HC".equals(s.component(1, 1))) {
                refuse(s, "SV101-1 is '" + s.component(1, 1) + "' instead of HC (a CPT or HCPCS code)");
            }
            List<String> modifiers = new ArrayList<>();
            for (int component = 3; component <= 6; component++) {
                if (!s.component(1, component).isEmpty()) {
                    modifiers.add(s.component(1, component));
                }
            }
            BigDecimal charge = money(X12Values.requireDecimal(s, 2, "line charge"));
            if (!"UN".equals(s.element(3))) {
                refuse(s, "SV103 is '" + s.element(3) + "' instead of UN: only units can be read, not minutes");
            }
            BigDecimal units = X12Values.requireDecimal(s, 4, "service units");
            if (!s.element(5).isEmpty() && !s.element(5).equals(claimPlaceOfService)) {
                refuse(s, "the line has its own place of service " + s.element(5) + " (SV105), other than the "
                        + "claim's " + claimPlaceOfService);
            }
            List<Integer> pointers = new ArrayList<>();
            for (String pointer : s.components(7)) {
                if (!pointer.isEmpty()) {
                    try {
                        pointers.add(Integer.valueOf(pointer.trim()));
                    } catch (NumberFormatException e) {
                        throw refusal(s, "its diagnosis pointer '" + pointer + "' (SV107) is not a number");
                    }
                }
            }
            LocalDate serviceDate = serviceDate(require(dtp, lx, "the service date (DTP*472)"));
            return validated(s, "service line " + lx.element(1), () -> new ServiceLine(s.component(1, 2), modifiers,
                    charge, units, pointers, serviceDate));
        }

        private static LocalDate serviceDate(X12Segment dtp) {
            switch (dtp.element(2)) {
                case "D8" -> {
                    return X12Values.parseDate(dtp, 3);
                }
                case "RD8" -> {
                    String[] range = dtp.element(3).split("-", -1);
                    if (range.length == 2 && range[0].equals(range[1])) {
                        return X12Values.parseDate(new X12Segment(dtp.tag(), dtp.number(),
                                List.of(dtp.components(1), dtp.components(2), List.of(range[0]))), 3);
                    }
                    throw refusal(dtp, "the line's service date is a range (" + dtp.element(3) + "); each line "
                            + "here is for a single day");
                }
                default -> throw refusal(dtp, "DTP02 is '" + dtp.element(2) + "' instead of D8 or RD8");
            }
        }
    }
}

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
import java.util.List;
import java.util.Objects;

/**
 * Reads an 837I institutional claim file (005010X223A2 or A3) back into {@link InstitutionalClaim}s, one per CLM, in
 * file order, with the same policy as {@link Claim837PReader}: loops and codes that do not change who is billed, who
 * is paid, whom the claim is for or what was billed are skipped (operating and other physicians, service facility,
 * admitting diagnosis, reason for visit, external cause, occurrence and condition codes, notes ...); what our
 * records cannot carry refuses the whole file with an {@link X12FormatException} naming the segment: a patient who is
 * not the subscriber, other payers' adjudication, ICD-9 codes, ICD-10-PCS procedures and DRGs (they price an
 * inpatient stay), value codes (amounts), units other than UN, non-covered charges. Envelope and guide breaches are
 * refused as well ({@link ClaimFileValidator}).
 *
 * <p>Amounts come back with two decimals and diagnoses with their dot, as from the 837P reader. A line without its
 * own DTP*472 comes back with a {@code null} service date (the statement-from date applies).
 */
public final class Claim837IReader {

    private static final String GUIDE_PREFIX = "005010X223";

    /**
     * Reads the whole stream (not closed).
     *
     * @throws X12FormatException when the file is not a readable 837I, breaks the envelope or the guide, or holds a
     *                            claim our records cannot carry; the message names the segment
     */
    public List<InstitutionalClaim> read(InputStream input) {
        Objects.requireNonNull(input, "input");
        byte[] file;
        try {
            file = input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<InstitutionalClaim> claims = new ArrayList<>();
        try (X12SegmentReader segments = X12SegmentReader.open(new ByteArrayInputStream(file), "HC",
                Claim837IWriter.IMPLEMENTATION_GUIDE, warning -> {
                    // a bare ST..SE is refused at its ST below: a claim without ISA/GS has no envelope to return
                })) {
            Parse parse = new Parse(claims);
            X12Segment segment;
            while ((segment = segments.next()) != null) {
                parse.handle(segment);
            }
        }
        if (claims.isEmpty()) {
            throw new X12FormatException(null, 0, "The file holds no 837I claim (no CLM segment).");
        }
        Claim837Reading.requireGuideConformance(file);
        return claims;
    }

    /** Where the segments that follow belong; N3, N4, REF, PRV and DTP mean different things in each. */
    private enum Loop {
        HEADER, SUBMITTER, RECEIVER, BILLING, SUBSCRIBER, PAYER, CLAIM, ATTENDING, LINE, OTHER
    }

    /** One pass over the file. */
    private static final class Parse {

        private final List<InstitutionalClaim> claims;
        private X12Segment isa;
        private X12Segment gs;
        private InterchangeEnvelope envelope;
        private Loop loop;
        private X12Segment submitterName;
        private X12Segment submitterContact;
        private X12Segment receiverName;
        private Party billing;
        private X12Segment billingTaxId;
        private X12Segment billingTaxonomy;
        private Party subscriber;
        private X12Segment sbr;
        private X12Segment dmg;
        private X12Segment payerName;
        private ClaimBuilder claim;
        private LineBuilder line;

        Parse(List<InstitutionalClaim> claims) {
            this.claims = claims;
        }

        void handle(X12Segment s) {
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
                throw new X12FormatException("ST", s.number(), "Segment " + s.number() + " starts a transaction of "
                        + "type " + s.element(1) + X12Values.describeTransaction(s.element(1))
                        + ", not an 837I institutional claim.");
            }
            if (isa == null || gs == null) {
                throw new X12FormatException("ST", s.number(), "The 837 transaction at segment " + s.number()
                        + " has no ISA/GS envelope, so its sender and control numbers are unknown. Ask the sender "
                        + "for the complete interchange.");
            }
            String version = s.element(3).isEmpty() ? gs.element(8) : s.element(3);
            if (!version.startsWith(GUIDE_PREFIX)) {
                throw new X12FormatException("ST", s.number(), "The 837 transaction at segment " + s.number()
                        + " follows implementation guide " + version + (version.startsWith("005010X222")
                                ? " (a professional 837P claim)" : "")
                        + "; only institutional claims (005010X223A2 or A3) can be read here.");
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
                        refuse(s, "BHT06 is '" + s.element(6) + "', not CH: the transaction is not a chargeable claim");
                    }
                }
                case "NM1" -> nm1(s);
                case "PER" -> {
                    if (loop == Loop.SUBMITTER && submitterContact == null) {
                        submitterContact = s;
                    }
                }
                case "HL" -> hl(s);
                case "PRV" -> {
                    if (loop == Loop.BILLING && "BI".equals(s.element(1))) {
                        billingTaxonomy = s;
                    } else if (loop == Loop.ATTENDING && "AT".equals(s.element(1))) {
                        claim.attendingTaxonomy = s;
                    }
                }
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
                case "DTP" -> dtp(s);
                case "CL1" -> {
                    if (loop == Loop.CLAIM) {
                        claim.cl1 = s;
                    }
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
                    if (line != null) {
                        claim.lines.add(line);
                    }
                    line = new LineBuilder(s);
                    loop = Loop.LINE;
                }
                case "SV2" -> {
                    if (line == null || line.sv2 != null) {
                        throw new X12FormatException("SV2", s.number(), "SV2 in segment " + s.number()
                                + " is not the first service segment after an LX.");
                    }
                    line.sv2 = s;
                }
                case "SVD" -> refuse(s, "it holds another payer's adjudication of a line (loop 2430, coordination "
                        + "of benefits)");
                default -> {
                    // PWK, CN1, AMT, NTE, CRC, HCP, K3, LIN, CTP ... are not modelled
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
                case "71" -> {
                    if (claim == null || line != null || claim.attending != null) {
                        throw new X12FormatException("NM1", s.number(), "The attending provider in segment "
                                + s.number() + " (NM1*71) is not the claim's one attending provider loop 2310A.");
                    }
                    claim.attending = s;
                    loop = Loop.ATTENDING;
                }
                default -> loop = Loop.OTHER; // operating, rendering, facility, referring ... are not modelled
            }
        }

        private void hl(X12Segment s) {
            finishClaim();
            switch (s.element(3)) {
                case "20" -> {
                    billing = new Party();
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
                    subscriber = new Party();
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

        private void address(X12Segment s) {
            Party party = loop == Loop.BILLING && billing.name != null ? billing
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

        private void dtp(X12Segment s) {
            if (loop == Loop.CLAIM) {
                switch (s.element(1)) {
                    case "434" -> claim.statement = s;
                    case "435" -> claim.admission = s;
                    default -> {
                        // discharge hour, repricer received date ... are not modelled
                    }
                }
            } else if (loop == Loop.LINE && "472".equals(s.element(1))) {
                line.dtp = s;
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
                            refuse(s, "it has a second principal diagnosis (ABK)");
                        }
                        claim.diagnoses.add(icd10(code));
                    }
                    case "ABF" -> {
                        if (claim.diagnoses.isEmpty()) {
                            refuse(s, "it has other diagnoses (ABF) before the principal diagnosis (ABK)");
                        }
                        claim.diagnoses.add(icd10(code));
                    }
                    case "BK", "BF", "BJ", "BN", "PR" -> refuse(s, "its diagnoses are ICD-9-CM codes (" + qualifier
                            + "); only ICD-10-CM can be read");
                    case "BBR", "BBQ", "BR", "BQ", "CAH", "CAM" -> refuse(s, "it carries inpatient procedure codes ("
                            + qualifier + "), which price the stay and which our records do not carry");
                    case "DR" -> refuse(s, "it carries a DRG (DR), which prices the stay and which our records do "
                            + "not carry");
                    case "BE" -> refuse(s, "it carries value codes with amounts (BE), which our records do not carry");
                    case "" -> {
                        // an empty element between composites
                    }
                    default -> {
                        // admitting diagnosis, reason for visit, external cause, occurrence, condition codes ...
                    }
                }
            }
        }

        private static String icd10(String code) {
            return code.length() > 3 && code.indexOf('.') < 0 ? code.substring(0, 3) + "." + code.substring(3) : code;
        }

        private void finishClaim() {
            if (claim == null) {
                return;
            }
            if (line != null) {
                claim.lines.add(line);
                line = null;
            }
            ClaimBuilder c = claim;
            claim = null;
            loop = Loop.OTHER;
            X12Segment receiver = require(receiverName, c.clm, "the receiver (loop 1000B, NM1*40)");
            Receiver receiverRecord = validated(receiver, "receiver",
                    () -> new Receiver(receiver.element(3), receiver.element(9)));
            claims.add(new InstitutionalClaim(envelope, submitter(c.clm), receiverRecord, billingProvider(c.clm),
                    subscriberRecord(c.clm), payer(c.clm), c.build()));
        }

        private Submitter submitter(X12Segment clm) {
            X12Segment name = require(submitterName, clm, "the submitter (loop 1000A, NM1*41)");
            X12Segment per = require(submitterContact, name, "the submitter's contact (PER after NM1*41)");
            String phone = null;
            String email = null;
            for (int position = 3; position <= 7; position += 2) {
                String value = X12Values.emptyToNull(per.element(position + 1));
                if ("TE".equals(per.element(position)) && phone == null) {
                    phone = value;
                } else if ("EM".equals(per.element(position)) && email == null) {
                    email = value;
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

        private Subscriber subscriberRecord(X12Segment clm) {
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
            return validated(name, "subscriber", () -> new Subscriber(name.element(3),
                    X12Values.emptyToNull(name.element(4)), name.element(9), birthDate, sex, address));
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

    private static final class Party {
        X12Segment name;
        X12Segment n3;
        X12Segment n4;

        Address address(X12Segment nm1, String who) {
            X12Segment street = require(n3, nm1, "the " + who + "'s street address (N3)");
            X12Segment city = require(n4, nm1, "the " + who + "'s city, state and ZIP code (N4)");
            return new Address(street.element(1), X12Values.emptyToNull(street.element(2)), city.element(1),
                    city.element(2), city.element(3));
        }
    }

    private static final class ClaimBuilder {
        final X12Segment clm;
        X12Segment payerClaimControlNumber;
        X12Segment statement;
        X12Segment admission;
        X12Segment cl1;
        X12Segment attending;
        X12Segment attendingTaxonomy;
        final List<String> diagnoses = new ArrayList<>();
        final List<LineBuilder> lines = new ArrayList<>();

        ClaimBuilder(X12Segment clm) {
            this.clm = clm;
        }

        InstitutionalClaimDetails build() {
            BigDecimal total = money(X12Values.requireDecimal(clm, 2, "total claim charge"));
            if (!"A".equals(clm.component(5, 2))) {
                refuse(clm, "CLM05-2 is '" + clm.component(5, 2) + "' instead of A (uniform billing claim form "
                        + "codes)");
            }
            ClaimFrequency frequency = switch (clm.component(5, 3)) {
                case "1" -> ClaimFrequency.ORIGINAL;
                case "7" -> ClaimFrequency.REPLACEMENT;
                case "8" -> ClaimFrequency.VOID;
                default -> throw refusal(clm, "its claim frequency CLM05-3 '" + clm.component(5, 3) + "' is not 1 "
                        + "(original), 7 (replacement) or 8 (void)");
            };
            X12Segment period = require(statement, clm, "the statement period (DTP*434)");
            LocalDate[] fromThrough = range(period);
            LocalDate admitted = admission == null ? null : admissionDate(admission);
            X12Segment institutional = require(cl1, clm, "the admission type and patient status (CL1)");
            X12Segment physician = require(attending, clm, "the attending provider (loop 2310A, NM1*71)");
            if (!"XX".equals(physician.element(8))) {
                refuse(physician, "the attending provider is identified by '" + physician.element(8)
                        + "' instead of an NPI (XX)");
            }
            X12Segment taxonomy = require(attendingTaxonomy, physician, "the attending provider's taxonomy (PRV*AT)");
            AttendingProvider attendingProvider = validated(physician, "attending provider",
                    () -> new AttendingProvider(physician.element(3), X12Values.emptyToNull(physician.element(4)),
                            physician.element(9), taxonomy.element(3)));
            if (lines.isEmpty()) {
                refuse(clm, "the claim has no service lines (LX/SV2)");
            }
            List<InstitutionalServiceLine> serviceLines = new ArrayList<>();
            for (LineBuilder l : lines) {
                serviceLines.add(l.build());
            }
            String f8 = payerClaimControlNumber == null ? null
                    : X12Values.emptyToNull(payerClaimControlNumber.element(2));
            return validated(clm, "claim " + clm.element(1), () -> new InstitutionalClaimDetails(clm.element(1), total,
                    clm.component(5, 1), frequency, f8, fromThrough[0], fromThrough[1], admitted,
                    institutional.element(1), X12Values.emptyToNull(institutional.element(2)),
                    institutional.element(3), diagnoses, attendingProvider, serviceLines));
        }

        private static LocalDate[] range(X12Segment dtp) {
            switch (dtp.element(2)) {
                case "D8" -> {
                    LocalDate day = X12Values.parseDate(dtp, 3);
                    return new LocalDate[] {day, day};
                }
                case "RD8" -> {
                    String[] range = dtp.element(3).split("-", -1);
                    if (range.length != 2) {
                        throw refusal(dtp, "DTP03 '" + dtp.element(3) + "' is not a range CCYYMMDD-CCYYMMDD");
                    }
                    return new LocalDate[] {dateIn(dtp, range[0]), dateIn(dtp, range[1])};
                }
                default -> throw refusal(dtp, "DTP02 is '" + dtp.element(2) + "' instead of D8 or RD8");
            }
        }

        /** DTP*435 may carry the hour (DT, CCYYMMDDHHMM); our records keep the day. */
        private static LocalDate admissionDate(X12Segment dtp) {
            String value = dtp.element(3);
            return switch (dtp.element(2)) {
                case "D8" -> X12Values.parseDate(dtp, 3);
                case "DT" -> dateIn(dtp, value.length() >= 8 ? value.substring(0, 8) : value);
                default -> throw refusal(dtp, "DTP02 is '" + dtp.element(2) + "' instead of D8 or DT");
            };
        }
    }

    private static LocalDate dateIn(X12Segment dtp, String ccyymmdd) {
        return X12Values.parseDate(new X12Segment(dtp.tag(), dtp.number(),
                List.of(dtp.components(1), dtp.components(2), List.of(ccyymmdd))), 3);
    }

    private static final class LineBuilder {
        final X12Segment lx;
        X12Segment sv2;
        X12Segment dtp;

        LineBuilder(X12Segment lx) {
            this.lx = lx;
        }

        InstitutionalServiceLine build() {
            X12Segment s = require(sv2, lx, "the institutional service (SV2)");
            String procedure = null;
            List<String> modifiers = new ArrayList<>();
            if (!s.element(2).isEmpty()) {
                if (!"HC".equals(s.component(2, 1))) {
                    refuse(s, "SV202-1 is '" + s.component(2, 1) + "' instead of HC (a CPT or HCPCS code)");
                }
                procedure = s.component(2, 2);
                for (int component = 3; component <= 6; component++) {
                    if (!s.component(2, component).isEmpty()) {
                        modifiers.add(s.component(2, component));
                    }
                }
            }
            BigDecimal charge = money(X12Values.requireDecimal(s, 3, "line charge"));
            if (!"UN".equals(s.element(4))) {
                refuse(s, "SV204 is '" + s.element(4) + "' instead of UN: only units can be read, not days");
            }
            BigDecimal units = X12Values.requireDecimal(s, 5, "service units");
            BigDecimal nonCovered = X12Values.parseDecimal(s, 7);
            if (nonCovered != null && nonCovered.signum() != 0) {
                refuse(s, "the line has non-covered charges (SV207), which our records do not carry");
            }
            LocalDate serviceDate = dtp == null ? null : serviceDate(dtp);
            String code = procedure;
            return validated(s, "service line " + lx.element(1), () -> new InstitutionalServiceLine(s.element(1),
                    code, modifiers, charge, units, serviceDate));
        }

        private static LocalDate serviceDate(X12Segment dtp) {
            switch (dtp.element(2)) {
                case "D8" -> {
                    return X12Values.parseDate(dtp, 3);
                }
                case "RD8" -> {
                    String[] range = dtp.element(3).split("-", -1);
                    if (range.length == 2 && range[0].equals(range[1])) {
                        return dateIn(dtp, range[0]);
                    }
                    throw refusal(dtp, "the line's service date is a range (" + dtp.element(3) + "); each line "
                            + "here is for a single day");
                }
                default -> throw refusal(dtp, "DTP02 is '" + dtp.element(2) + "' instead of D8 or RD8");
            }
        }
    }
}

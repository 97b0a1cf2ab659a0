package org.relayrcm.edi;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an 835 health care claim payment/advice (005010X221A1) file into {@link RemittanceFile}. Every transaction of
 * every group and interchange in the file is read. The reader is deliberately tolerant of layout (BOM, line breaks,
 * any declared delimiters, a missing envelope) and strict about content it would otherwise misread: a whole file is
 * refused rather than posted in part, because a half-posted remittance is harder to clean up than a rejected one.
 * Segments this reader does not need are skipped.
 */
public final class Remittance835Reader {

    static final String IMPLEMENTATION_GUIDE = "005010X221A1";

    /** SVC01 written with another separator than ISA16 declares, e.g. "HC>99213" when ISA16 is ':'. */
    private static final Pattern FOREIGN_COMPOSITE = Pattern.compile("^([A-Z0-9]{2})([^A-Za-z0-9 ])(.+)$");

    /**
     * Reads the whole stream (not closed).
     *
     * @throws X12FormatException when the file is not a readable 835; the message names the segment
     */
    public RemittanceFile read(InputStream input) {
        Objects.requireNonNull(input, "input");
        List<String> warnings = new ArrayList<>();
        List<RemittanceAdvice> advices = new ArrayList<>();
        try (X12SegmentReader segments = X12SegmentReader.open(input, "HP", IMPLEMENTATION_GUIDE, warnings::add)) {
            new Parse(segments, advices, warnings).run();
        }
        if (advices.isEmpty()) {
            throw new X12FormatException(null, 0, "The file holds no 835 transaction (no ST*835 segment).");
        }
        return new RemittanceFile(advices, warnings);
    }

    /** State of one pass over the file; the builders below are the loops currently open. */
    private static final class Parse {

        private final X12SegmentReader segments;
        private final List<RemittanceAdvice> advices;
        private final List<String> warnings;

        private String senderId;
        private String receiverId;
        private String interchangeControlNumber;
        private String groupControlNumber;
        private String groupVersion;
        private AdviceBuilder advice;
        private PartyBuilder party;
        private ClaimBuilder claim;
        private LineBuilder line;

        Parse(X12SegmentReader segments, List<RemittanceAdvice> advices, List<String> warnings) {
            this.segments = segments;
            this.advices = advices;
            this.warnings = warnings;
        }

        void run() {
            X12Segment segment;
            while ((segment = segments.next()) != null) {
                handle(segment);
            }
        }

        private void handle(X12Segment s) {
            switch (s.tag()) {
                case "ISA" -> {
                    senderId = s.element(6).trim();
                    receiverId = s.element(8).trim();
                    interchangeControlNumber = s.element(13);
                }
                case "GS" -> {
                    groupControlNumber = s.element(6);
                    groupVersion = s.element(8);
                }
                case "ST" -> startTransaction(s);
                case "SE" -> endTransaction(s);
                default -> {
                    if (advice != null) {
                        handleBody(s);
                    }
                    // anything between envelope segments and outside ST..SE is ignored
                }
            }
        }

        private void startTransaction(X12Segment s) {
            if (!"835".equals(s.element(1))) {
                throw new X12FormatException("ST", s.number(), "Segment " + s.number() + " starts a transaction of type "
                        + s.element(1) + X12Values.describeTransaction(s.element(1)) + ", not an 835 remittance advice. Only 835 files "
                        + "can be posted as remittances.");
            }
            X12Values.requireGuide(s, groupVersion, "005010X221", "835");
            X12Values.requireGuide(s, s.element(3), "005010X221", "835");
            boolean synthetic = senderId == null && interchangeControlNumber == null;
            advice = new AdviceBuilder(synthetic ? new EnvelopeIds(null, null, null, null, s.element(2))
                    : new EnvelopeIds(senderId, receiverId, interchangeControlNumber, groupControlNumber,
                            s.element(2)));
            party = null;
            claim = null;
            line = null;
        }

        private void endTransaction(X12Segment s) {
            if (advice == null) {
                return;
            }
            closeClaim();
            advices.add(advice.build(s));
            advice = null;
            party = null;
        }

        private void handleBody(X12Segment s) {
            switch (s.tag()) {
                case "BPR" -> {
                    advice.handlingCode = s.element(1);
                    advice.totalPayment = requireAmount(s, 2, "total payment");
                    advice.creditDebitFlag = s.element(3);
                    advice.paymentMethod = s.element(4);
                    advice.paymentDate = X12Values.parseDate(s, 16);
                }
                case "TRN" -> {
                    if (advice.traceNumber == null) {
                        advice.traceNumber = s.element(2);
                        advice.traceOriginatorId = X12Values.emptyToNull(s.element(3));
                    }
                }
                case "N1" -> startParty(s);
                case "N3" -> {
                    if (party != null && claim == null) {
                        party.line1 = s.element(1);
                        party.line2 = X12Values.emptyToNull(s.element(2));
                    }
                }
                case "N4" -> {
                    if (party != null && claim == null) {
                        party.city = s.element(1);
                        party.state = s.element(2);
                        party.postalCode = s.element(3);
                    }
                }
                case "REF" -> ref(s);
                case "DTM" -> dtm(s);
                case "LX" -> {
                    closeClaim();
                    party = null;
                }
                case "CLP" -> startClaim(s);
                case "CAS" -> cas(s);
                case "NM1" -> {
                    if (claim != null && "QC".equals(s.element(1))) {
                        claim.patient = new RemitPatient(s.element(3), X12Values.emptyToNull(s.element(4)),
                                X12Values.emptyToNull(s.element(8)), X12Values.emptyToNull(s.element(9)));
                    }
                }
                case "MIA" -> remarks(s, 5, 20, 21, 22, 23);
                case "MOA" -> remarks(s, 3, 4, 5, 6, 7);
                case "SVC" -> startLine(s);
                case "LQ" -> {
                    if (line != null && "HE".equals(s.element(1))) {
                        line.remarkCodes.add(s.element(2));
                    }
                }
                case "PLB" -> plb(s);
                case "AMT" -> {
                    if (line != null && "B6".equals(s.element(1))) {
                        line.allowedAmount = amount(s, 2);
                    }
                }
                default -> {
                    // PER, TS3, TS2, QTY, claim-level AMT ... are not needed for posting
                }
            }
        }

        private void startParty(X12Segment s) {
            closeClaim();
            String code = s.element(1);
            party = new PartyBuilder(s.element(2), X12Values.emptyToNull(s.element(3)), X12Values.emptyToNull(s.element(4)));
            if ("PR".equals(code)) {
                advice.payer = party;
            } else if ("PE".equals(code)) {
                advice.payee = party;
            } else {
                party = null; // other N1 loops (e.g. PR's agents) are not modelled
            }
        }

        private void ref(X12Segment s) {
            if (line != null && "6R".equals(s.element(1))) {
                line.lineItemControlNumber = s.element(2);
            } else if (claim == null && party != null && party == advice.payer && "2U".equals(s.element(1))
                    && party.id == null) {
                party.idQualifier = "2U";
                party.id = s.element(2);
            } else if (claim == null && party != null && party == advice.payee && "TJ".equals(s.element(1))) {
                party.taxId = s.element(2);
            }
        }

        private void dtm(X12Segment s) {
            String qualifier = s.element(1);
            if (line != null) {
                if ("472".equals(qualifier) || ("150".equals(qualifier) && line.serviceDate == null)) {
                    line.serviceDate = X12Values.parseDate(s, 2);
                }
            } else if (claim != null) {
                if ("232".equals(qualifier)) {
                    claim.statementFromDate = X12Values.parseDate(s, 2);
                }
            } else if ("405".equals(qualifier)) {
                advice.productionDate = X12Values.parseDate(s, 2);
            }
        }

        private void startClaim(X12Segment s) {
            closeClaim();
            party = null;
            if (s.element(1).isEmpty()) {
                throw new X12FormatException("CLP", s.number(), "CLP01 (our claim number) is missing in segment "
                        + s.number() + ", so the payment cannot be matched to a claim.");
            }
            claim = new ClaimBuilder();
            claim.patientControlNumber = s.element(1);
            claim.statusCode = s.element(2);
            claim.chargeAmount = requireAmount(s, 3, "claim charge");
            claim.paymentAmount = requireAmount(s, 4, "claim payment");
            claim.patientResponsibility = amount(s, 5);
            claim.claimFilingIndicator = X12Values.emptyToNull(s.element(6));
            claim.payerClaimControlNumber = X12Values.emptyToNull(s.element(7));
        }

        private void cas(X12Segment s) {
            List<Adjustment> target;
            if (line != null) {
                target = line.adjustments;
            } else if (claim != null) {
                target = claim.adjustments;
            } else {
                throw new X12FormatException("CAS", s.number(), "CAS in segment " + s.number()
                        + " is not inside a claim (no CLP before it).");
            }
            String group = s.element(1);
            // CAS02..CAS19: up to six reason / amount / quantity triples under one group code.
            for (int reason = 2; reason <= 17; reason += 3) {
                if (s.element(reason).isEmpty()) {
                    continue;
                }
                BigDecimal amount = requireAmount(s, reason + 1, "adjustment amount");
                target.add(new Adjustment(group, s.element(reason), amount, X12Values.parseDecimal(s, reason + 2)));
            }
        }

        private void remarks(X12Segment s, int... positions) {
            if (claim == null) {
                return;
            }
            for (int position : positions) {
                if (!s.element(position).isEmpty()) {
                    claim.remarkCodes.add(s.element(position));
                }
            }
        }

        private void startLine(X12Segment s) {
            if (claim == null) {
                throw new X12FormatException("SVC", s.number(), "SVC in segment " + s.number()
                        + " is not inside a claim (no CLP before it).");
            }
            closeLine();
            List<String> procedure = procedure(s);
            line = new LineBuilder();
            line.procedureQualifier = procedure.get(0);
            line.procedureCode = procedure.get(1);
            line.modifiers = procedure.subList(2, Math.min(procedure.size(), 6)).stream()
                    .filter(m -> !m.isEmpty()).toList();
            line.chargeAmount = amount(s, 2);
            line.paymentAmount = amount(s, 3);
            if (line.chargeAmount == null || line.paymentAmount == null) {
                // Seen in a real Blue Cross file: an extra informational line whose amounts drifted to later
                // elements. The claim's CLP amounts still balance without it, so the line is kept at zero rather
                // than refusing the whole payment; the warning sends a person to the paper EOB.
                warnings.add("Segment " + s.number() + " (SVC): SVC02 or SVC03 is empty for procedure "
                        + line.procedureCode + "; the line was read with a missing amount as 0. Check it against "
                        + "the payer's explanation of benefits.");
                line.chargeAmount = line.chargeAmount == null ? BigDecimal.ZERO : line.chargeAmount;
                line.paymentAmount = line.paymentAmount == null ? BigDecimal.ZERO : line.paymentAmount;
            }
            line.units = X12Values.parseDecimal(s, 5);
            String submitted = s.component(6, 2);
            line.submittedCode = submitted.isEmpty() || submitted.equals(line.procedureCode) ? null : submitted;
        }

        /** SVC01 as [qualifier, code, modifiers...]; refuses a composite without a procedure code. */
        private List<String> procedure(X12Segment s) {
            List<String> components = s.components(1);
            if (components.size() >= 2 && !components.get(1).isEmpty()) {
                return components;
            }
            String raw = components.isEmpty() ? "" : components.get(0);
            Matcher foreign = FOREIGN_COMPOSITE.matcher(raw);
            if (components.size() == 1 && foreign.matches()) {
                String separator = foreign.group(2);
                List<String> parts = new ArrayList<>();
                parts.add(foreign.group(1));
                parts.addAll(List.of(foreign.group(3).split(Pattern.quote(separator), -1)));
                warnings.add("Segment " + s.number() + " (SVC): SVC01 '" + raw + "' separates its parts with '"
                        + separator + "' although the ISA declares another component separator; read as "
                        + String.join(":", parts) + ".");
                return parts;
            }
            throw new X12FormatException("SVC", s.number(), "SVC01 '" + raw + "' in segment " + s.number()
                    + " (SVC) has no procedure code: it must be qualifier and code, for example HC:99213. The "
                    + "payer's file is malformed, so none of it was posted; ask the payer for a corrected 835.");
        }

        private void plb(X12Segment s) {
            closeClaim();
            String providerId = s.element(1);
            LocalDate fiscalDate = X12Values.parseDate(s, 2);
            // PLB03/04 .. PLB13/14: up to six adjustment identifier / amount pairs.
            for (int reason = 3; reason <= 13; reason += 2) {
                if (s.element(reason).isEmpty()) {
                    continue;
                }
                advice.providerAdjustments.add(new ProviderAdjustment(providerId, fiscalDate, s.component(reason, 1),
                        X12Values.emptyToNull(s.component(reason, 2)),
                        requireAmount(s, reason + 1, "provider adjustment amount")));
            }
        }

        /**
         * An amount in dollars. More than two decimals would be a fraction of a cent, which no payment can carry:
         * the file is refused rather than rounded, so what is posted always adds up to the payer's check.
         */
        private static BigDecimal amount(X12Segment s, int position) {
            BigDecimal value = X12Values.parseDecimal(s, position);
            if (value != null && value.stripTrailingZeros().scale() > 2) {
                throw new X12FormatException(s.tag(), s.number(), String.format(
                        "%s%02d '%s' in segment %d (%s) has fractions of a cent; amounts in an 835 have at most two "
                                + "decimals. Nothing was posted; ask the payer for a corrected 835.",
                        s.tag(), position, s.element(position), s.number(), s.tag()));
            }
            return value;
        }

        private static BigDecimal requireAmount(X12Segment s, int position, String meaning) {
            X12Values.requireDecimal(s, position, meaning);
            return amount(s, position);
        }

        private void closeLine() {
            if (line != null) {
                claim.lines.add(line.build());
                line = null;
            }
        }

        private void closeClaim() {
            if (claim != null) {
                closeLine();
                advice.claims.add(claim.build());
                claim = null;
            }
        }

    }


    private static final class AdviceBuilder {
        final EnvelopeIds envelope;
        String handlingCode;
        BigDecimal totalPayment;
        String creditDebitFlag;
        String paymentMethod;
        LocalDate paymentDate;
        String traceNumber;
        String traceOriginatorId;
        LocalDate productionDate;
        PartyBuilder payer;
        PartyBuilder payee;
        final List<ClaimPayment> claims = new ArrayList<>();
        final List<ProviderAdjustment> providerAdjustments = new ArrayList<>();

        AdviceBuilder(EnvelopeIds envelope) {
            this.envelope = envelope;
        }

        RemittanceAdvice build(X12Segment se) {
            if (totalPayment == null) {
                throw new X12FormatException("SE", se.number(), "The 835 transaction ending at segment " + se.number()
                        + " has no BPR segment, so its payment amount is unknown.");
            }
            return new RemittanceAdvice(envelope, handlingCode, totalPayment, creditDebitFlag, paymentMethod,
                    paymentDate, traceNumber, traceOriginatorId, productionDate,
                    payer == null ? null : payer.build(), payee == null ? null : payee.build(), claims,
                    providerAdjustments);
        }
    }

    private static final class PartyBuilder {
        final String name;
        String idQualifier;
        String id;
        String line1;
        String line2;
        String city;
        String state;
        String postalCode;
        String taxId;

        PartyBuilder(String name, String idQualifier, String id) {
            this.name = name;
            this.idQualifier = idQualifier;
            this.id = id;
        }

        RemitParty build() {
            Address address = line1 == null && city == null ? null
                    : new Address(line1, line2, X12Values.emptyToNull(city), X12Values.emptyToNull(state), X12Values.emptyToNull(postalCode));
            return new RemitParty(name, idQualifier, id, address, taxId);
        }
    }

    private static final class ClaimBuilder {
        String patientControlNumber;
        String statusCode;
        BigDecimal chargeAmount;
        BigDecimal paymentAmount;
        BigDecimal patientResponsibility;
        String claimFilingIndicator;
        String payerClaimControlNumber;
        RemitPatient patient;
        LocalDate statementFromDate;
        final List<Adjustment> adjustments = new ArrayList<>();
        final List<String> remarkCodes = new ArrayList<>();
        final List<ServicePayment> lines = new ArrayList<>();

        ClaimPayment build() {
            return new ClaimPayment(patientControlNumber, statusCode, chargeAmount, paymentAmount,
                    patientResponsibility, claimFilingIndicator, payerClaimControlNumber, patient, statementFromDate,
                    adjustments, remarkCodes, lines);
        }
    }

    private static final class LineBuilder {
        String procedureQualifier;
        String procedureCode;
        List<String> modifiers;
        BigDecimal chargeAmount;
        BigDecimal paymentAmount;
        BigDecimal units;
        LocalDate serviceDate;
        String lineItemControlNumber;
        BigDecimal allowedAmount;
        String submittedCode;
        final List<Adjustment> adjustments = new ArrayList<>();
        final List<String> remarkCodes = new ArrayList<>();

        ServicePayment build() {
            return new ServicePayment(procedureQualifier, procedureCode, modifiers, chargeAmount, paymentAmount,
                    units, serviceDate, lineItemControlNumber, adjustments, remarkCodes, allowedAmount, submittedCode);
        }
    }
}

package org.relayrcm.intake.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Type;

/**
 * Turns FHIR data types into the plain text a coder reads. The EHR's codes (SNOMED CT, LOINC ...)
 * are printed beside their terms, labelled by code system, as documentation, never as billing codes.
 */
final class ClinicalText {

    static final int MAX_LINE = 1_000;

    private static final Map<String, String> SYSTEMS = Map.ofEntries(
            Map.entry("http://snomed.info/sct", "SNOMED CT"),
            Map.entry("http://loinc.org", "LOINC"),
            Map.entry("http://hl7.org/fhir/sid/cvx", "CVX"),
            Map.entry("http://www.nlm.nih.gov/research/umls/rxnorm", "RxNorm"),
            Map.entry("http://hl7.org/fhir/sid/icd-10-cm", "ICD-10-CM"),
            Map.entry("http://hl7.org/fhir/sid/icd-10", "ICD-10"),
            Map.entry("http://www.ama-assn.org/go/cpt", "CPT"),
            Map.entry("http://unitsofmeasure.org", "UCUM"));

    private ClinicalText() {
    }

    /** {@code Colonoscopy (SNOMED CT 73761001)}; the text, else a display, else the bare codes. */
    static String concept(CodeableConcept concept) {
        if (concept == null || concept.isEmpty()) {
            return "(not stated)";
        }
        String label = concept.hasText() ? concept.getText()
                : concept.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay).findFirst().orElse(null);
        String codes = concept.getCoding().stream().filter(Coding::hasCode)
                .map(c -> system(c.getSystem()) + " " + c.getCode())
                .collect(Collectors.joining(", "));
        if (label == null) {
            return codes.isEmpty() ? "(not stated)" : codes;
        }
        return codes.isEmpty() ? label : label + " (" + codes + ")";
    }

    static String concepts(List<CodeableConcept> concepts) {
        return concepts.stream().map(ClinicalText::concept).collect(Collectors.joining("; "));
    }

    static String system(String url) {
        if (url == null || url.isBlank()) {
            return "code";
        }
        return SYSTEMS.getOrDefault(url, url);
    }

    /** An observation or component value as read aloud: {@code 176.35 cm}, {@code Positive}. */
    static String value(Type value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value instanceof Quantity q) {
            return quantity(q);
        }
        if (value instanceof CodeableConcept c) {
            return concept(c);
        }
        if (value instanceof Range r) {
            return quantity(r.getLow()) + " to " + quantity(r.getHigh());
        }
        if (value instanceof Ratio r) {
            return quantity(r.getNumerator()) + " / " + quantity(r.getDenominator());
        }
        if (value instanceof Period p) {
            return period(p);
        }
        if (value instanceof PrimitiveType<?> p) {
            return p.getValueAsString();
        }
        return value.fhirType();
    }

    static String quantity(Quantity q) {
        if (q == null || !q.hasValue()) {
            return "?";
        }
        BigDecimal v = q.getValue();
        if (v.scale() > 2) {
            v = v.setScale(2, RoundingMode.HALF_UP);
        }
        String unit = q.hasUnit() ? q.getUnit() : q.hasCode() ? q.getCode() : "";
        return (q.hasComparator() ? q.getComparator().toCode() : "") + v.stripTrailingZeros().toPlainString()
                + (unit.isBlank() ? "" : " " + unit);
    }

    static String period(Period p) {
        if (p == null || p.isEmpty()) {
            return null;
        }
        String start = p.hasStart() ? p.getStartElement().getValueAsString() : "?";
        return p.hasEnd() ? start + " to " + p.getEndElement().getValueAsString() : start;
    }

    /** The narrative's XHTML as text: block ends become line breaks, tags go, entities are decoded. */
    static String narrative(Narrative narrative) {
        if (narrative == null || narrative.getDiv() == null || narrative.getDiv().isEmpty()) {
            return "";
        }
        return html(narrative.getDivAsString());
    }

    static String html(String html) {
        String text = html.replaceAll("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6])>", "\n")
                .replaceAll("<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        return text.replaceAll("[ \\t]+", " ").replaceAll("\\n\\s*\\n+", "\n").strip();
    }

    /** One line of the summary, cut to a readable length (one runaway field must not bury the rest). */
    static String line(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_LINE ? flat : flat.substring(0, MAX_LINE) + " [...]";
    }
}

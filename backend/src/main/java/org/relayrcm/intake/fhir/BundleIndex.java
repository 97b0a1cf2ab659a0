package org.relayrcm.intake.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Finds what a reference points at inside one bundle, whatever style the sender used: the entry's
 * {@code fullUrl} ({@code urn:uuid:}, absolute URL), {@code Type/id} (optionally versioned or absolute),
 * a contained {@code #id}, a conditional {@code Type?identifier=system|value}, or a logical reference
 * carrying only an identifier. Nothing outside the bundle is ever fetched.
 */
final class BundleIndex {

    private static final Pattern TYPE_AND_ID = Pattern.compile("(?:^|/)([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?$");

    private final List<Resource> resources = new ArrayList<>();
    private final Map<Resource, Integer> entryIndex = new IdentityHashMap<>();
    private final Map<Resource, String> fullUrls = new IdentityHashMap<>();
    private final Map<String, Resource> byFullUrl = new HashMap<>();
    private final Map<String, Resource> byTypeAndId = new HashMap<>();

    BundleIndex(Bundle bundle) {
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        for (int i = 0; i < entries.size(); i++) {
            Resource resource = entries.get(i).getResource();
            if (resource == null) {
                continue;
            }
            resources.add(resource);
            entryIndex.put(resource, i);
            String fullUrl = entries.get(i).getFullUrl();
            if (fullUrl != null && !fullUrl.isBlank()) {
                fullUrls.put(resource, fullUrl);
                byFullUrl.putIfAbsent(fullUrl, resource);
                typeAndId(fullUrl).ifPresent(key -> byTypeAndId.putIfAbsent(key, resource));
            }
            String id = resource.getIdElement().getIdPart();
            if (id != null && !id.isBlank()) {
                if (id.startsWith("urn:")) {
                    byFullUrl.putIfAbsent(id, resource);
                } else {
                    byTypeAndId.putIfAbsent(resource.fhirType() + "/" + id, resource);
                }
            }
        }
    }

    List<Resource> resources() {
        return resources;
    }

    <T extends Resource> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Where a resource sits, for messages: {@code Bundle.entry[3] (Encounter)}. */
    String where(Resource resource) {
        Integer index = entryIndex.get(resource);
        return index == null ? resource.fhirType() : "Bundle.entry[" + index + "] (" + resource.fhirType() + ")";
    }

    Optional<String> fullUrl(Resource resource) {
        return Optional.ofNullable(fullUrls.get(resource));
    }

    /** The target of {@code reference}, looked up from {@code source} (whose contained resources count). */
    <T extends Resource> Optional<T> resolve(Reference reference, Resource source, Class<T> type) {
        return resolve(reference, source).filter(type::isInstance).map(type::cast);
    }

    Optional<Resource> resolve(Reference reference, Resource source) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        if (reference.getResource() instanceof Resource linked) {
            return Optional.of(linked);
        }
        String target = reference.getReference();
        if (target == null || target.isBlank()) {
            return reference.hasIdentifier()
                    ? byIdentifier(reference.getType(), reference.getIdentifier())
                    : Optional.empty();
        }
        if (target.startsWith("#")) {
            return contained(source, target.substring(1));
        }
        Resource direct = byFullUrl.get(target);
        if (direct != null) {
            return Optional.of(direct);
        }
        int query = target.indexOf('?');
        if (query > 0) {
            return conditional(target.substring(0, query), target.substring(query + 1));
        }
        return typeAndId(target).map(byTypeAndId::get);
    }

    /** True when {@code reference} (from {@code source}) points at exactly {@code target}. */
    boolean pointsAt(Reference reference, Resource source, Resource target) {
        return resolve(reference, source).map(found -> found == target).orElse(false);
    }

    static boolean matches(Identifier candidate, Identifier wanted) {
        if (!wanted.hasValue() || !wanted.getValue().equals(candidate.getValue())) {
            return false;
        }
        return !wanted.hasSystem() || wanted.getSystem().equals(candidate.getSystem());
    }

    private Optional<Resource> contained(Resource source, String id) {
        if (!(source instanceof DomainResource domain)) {
            return Optional.empty();
        }
        return domain.getContained().stream()
                .filter(c -> id.equals(stripHash(c.getIdElement().getIdPart())))
                .findFirst();
    }

    private Optional<Resource> conditional(String type, String query) {
        for (String part : query.split("&")) {
            if (part.startsWith("identifier=")) {
                String token = java.net.URLDecoder.decode(part.substring("identifier=".length()),
                        java.nio.charset.StandardCharsets.UTF_8);
                int bar = token.indexOf('|');
                Identifier wanted = bar < 0 ? new Identifier().setValue(token)
                        : new Identifier().setSystem(bar == 0 ? null : token.substring(0, bar)).setValue(token.substring(bar + 1));
                return byIdentifier(type, wanted);
            }
        }
        return Optional.empty();
    }

    private Optional<Resource> byIdentifier(String type, Identifier wanted) {
        List<Resource> found = resources.stream()
                .filter(r -> type == null || type.isBlank() || r.fhirType().equals(type) || type.endsWith("/" + r.fhirType()))
                .filter(r -> identifiers(r).stream().anyMatch(i -> matches(i, wanted)))
                .toList();
        // Ambiguous logical references resolve to nothing rather than to a guess.
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static List<Identifier> identifiers(Resource resource) {
        try {
            var property = resource.getNamedProperty("identifier");
            return property == null ? List.of()
                    : property.getValues().stream().filter(Identifier.class::isInstance).map(Identifier.class::cast).toList();
        } catch (org.hl7.fhir.exceptions.FHIRException e) {
            return List.of();
        }
    }

    private static Optional<String> typeAndId(String reference) {
        Matcher m = TYPE_AND_ID.matcher(reference);
        return m.find() ? Optional.of(m.group(1) + "/" + m.group(2)) : Optional.empty();
    }

    private static String stripHash(String id) {
        return id != null && id.startsWith("#") ? id.substring(1) : id;
    }
}

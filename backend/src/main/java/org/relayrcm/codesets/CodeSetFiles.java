package org.relayrcm.codesets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the official code set files exactly as published: the CMS ICD-10-CM order file (zip or txt),
 * the CDC ICD-10-CM tabular XML (zip or xml), the CMS HCPCS Level II ANWEB file (zip or txt), and
 * CSV files for CPT ({@code code,short_description[,long_description]}), OPCS-4 and ICD-10
 * ({@code code,description}). Anything else is refused with a message that says what was expected.
 */
public final class CodeSetFiles {

    /** A code as read from a file; {@code validFrom}/{@code validTo} only where the file carries them. */
    public record ParsedCode(String code, String description, boolean billable, LocalDate validFrom, LocalDate validTo) {
    }

    /** Excludes1: {@code code} never goes with codes from {@code from} to {@code to} (prefixes, no dots). */
    public record ParsedExclusion(String code, String from, String to) {
    }

    /** What a file holds; the dates are the ones the file name implies (a fiscal or calendar year), if any. */
    public record ParsedCodeSet(String label, String sourceEntry, LocalDate effectiveFrom, LocalDate effectiveTo,
            List<ParsedCode> codes, List<ParsedExclusion> exclusions) {

        public long billableCount() {
            return codes.stream().filter(ParsedCode::billable).count();
        }
    }

    /** A file that is corrupt, of the wrong kind or empty; the message is for the person importing it. */
    public static class InvalidCodeSetFileException extends RuntimeException {
        public InvalidCodeSetFileException(String message) {
            super(message);
        }
    }

    private static final Pattern ORDER_ENTRY = Pattern.compile("(?i)(?:.*/)?icd10cm_order_(\\d{4})\\.txt");
    private static final Pattern TABULAR_ENTRY = Pattern.compile("(?i)(?:.*/)?icd10cm_tabular_(\\d{4})\\.xml");
    private static final Pattern ANWEB_ENTRY = Pattern.compile("(?i)(?:.*/)?HCPC(\\d{4})_ANWEB[^/]*\\.txt");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19\\d{2}|20\\d{2})(?!\\d)");
    private static final Pattern ICD_CODE = Pattern.compile("[A-Z][0-9A-Z][0-9A-Z][0-9A-Z]{0,4}");
    private static final Pattern HCPCS_CODE = Pattern.compile("[A-Z][0-9]{4}");
    private static final Pattern CPT_CODE = Pattern.compile("[0-9]{4}[0-9A-Z]");
    private static final Pattern UK_CODE = Pattern.compile("[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}");
    private static final String REF = "[A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{1,4})?";
    private static final Pattern EXCLUDED_RANGE = Pattern.compile("(" + REF + ")\\.?-?\\s*-\\s*(" + REF + ")");
    private static final Pattern EXCLUDED_CODE = Pattern.compile(REF);
    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_UNZIPPED = 200 * 1024 * 1024;

    private CodeSetFiles() {
    }

    public static ParsedCodeSet parse(CodeSystem system, String fileName, byte[] content, Consumer<String> progress) {
        if (content == null || content.length == 0) {
            throw new InvalidCodeSetFileException("The file is empty.");
        }
        String name = fileName == null ? "" : fileName;
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        ParsedCodeSet parsed = switch (system) {
            case ICD10CM -> zip ? icd10cmZip(name, content, progress) : icd10cmPlain(name, content, progress);
            case HCPCS -> zip ? hcpcsZip(name, content, progress) : hcpcs(name, name, content, progress);
            case CPT, OPCS4, ICD10 -> {
                if (zip) {
                    throw new InvalidCodeSetFileException(system + " files are CSV (" + csvHeader(system) + "), not zip.");
                }
                yield csv(system, name, content, progress);
            }
        };
        if (parsed.codes().isEmpty()) {
            throw new InvalidCodeSetFileException("'" + name + "' holds no " + system + " codes.");
        }
        return parsed;
    }

    // ---- ICD-10-CM -------------------------------------------------------------------------------------

    private static ParsedCodeSet icd10cmZip(String name, byte[] content, Consumer<String> progress) {
        Map<String, byte[]> entries = unzip(content, n -> ORDER_ENTRY.matcher(n).matches() || TABULAR_ENTRY.matcher(n).matches());
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (ORDER_ENTRY.matcher(e.getKey()).matches()) {
                return order(e.getKey(), e.getValue(), progress);
            }
        }
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            return tabular(e.getKey(), e.getValue(), progress);
        }
        throw new InvalidCodeSetFileException("'" + name + "' is not an ICD-10-CM release: the zip holds neither "
                + "icd10cm_order_YYYY.txt (CMS code descriptions) nor icd10cm_tabular_YYYY.xml (CDC tabular).");
    }

    private static ParsedCodeSet icd10cmPlain(String name, byte[] content, Consumer<String> progress) {
        String head = new String(content, 0, Math.min(content.length, 200), LATIN1).stripLeading();
        if (head.startsWith("<")) {
            return tabular(name, content, progress);
        }
        return order(name, content, progress);
    }

    /** The order file: order[0:5] code[6:13] flag[14] short[16:76] long[77:]; the flag says billable. */
    static ParsedCodeSet order(String entry, byte[] content, Consumer<String> progress) {
        List<ParsedCode> codes = new ArrayList<>(100_000);
        String[] lines = new String(content, LATIN1).split("\r?\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank()) {
                continue;
            }
            String code = line.length() >= 16 ? line.substring(6, 13).trim() : "";
            char flag = line.length() >= 16 ? line.charAt(14) : '?';
            if (line.length() < 17 || !line.substring(0, 5).chars().allMatch(Character::isDigit)
                    || !ICD_CODE.matcher(code).matches() || (flag != '0' && flag != '1')) {
                throw new InvalidCodeSetFileException("Line " + (n + 1) + " of '" + entry
                        + "' is not an ICD-10-CM order-file line (order number, code, 0/1 header flag, titles).");
            }
            String title = line.length() > 77 ? line.substring(77).trim() : line.substring(16, Math.min(76, line.length())).trim();
            codes.add(new ParsedCode(code, title, flag == '1', null, null));
            tick(progress, codes.size(), entry);
        }
        Integer year = yearOrNull(entry);
        return new ParsedCodeSet("ICD-10-CM " + fy(year) + " order file (CMS)", entry, fiscalStart(year), fiscalEnd(year),
                codes, List.of());
    }

    private static final class Diag {
        final String name;
        String desc = "";
        Map<String, String> sevenChr;
        boolean hasChildren;

        Diag(String name) {
            this.name = name;
        }
    }

    /**
     * The tabular XML lists categories and codes as nested {@code diag} elements; 7th characters are defined
     * once on a category ({@code sevenChrDef}) and apply to every leaf below it, padded with the placeholder X.
     */
    static ParsedCodeSet tabular(String entry, byte[] content, Consumer<String> progress) {
        List<ParsedCode> codes = new ArrayList<>(100_000);
        List<ParsedExclusion> exclusions = new ArrayList<>();
        Deque<Diag> stack = new ArrayDeque<>();
        Deque<Map<String, String>> seventh = new ArrayDeque<>();
        String year = null;
        boolean root = false;
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            Deque<String> path = new ArrayDeque<>();
            String extensionChar = null;
            StringBuilder text = new StringBuilder();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String el = xml.getLocalName();
                    if (path.isEmpty()) {
                        root = "ICD10CM.tabular".equals(el);
                        if (!root) {
                            break;
                        }
                    }
                    path.push(el);
                    text.setLength(0);
                    if ("diag".equals(el)) {
                        if (!stack.isEmpty()) {
                            stack.peek().hasChildren = true;
                        }
                        stack.push(new Diag(null));
                        seventh.push(seventh.isEmpty() ? Map.of() : seventh.peek());
                    } else if ("extension".equals(el)) {
                        extensionChar = xml.getAttributeValue(null, "char");
                    } else if ("sevenChrDef".equals(el) && !stack.isEmpty()) {
                        seventh.pop();
                        seventh.push(new LinkedHashMap<>());
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String el = path.pop();
                    String parent = path.peek();
                    String value = text.toString().trim();
                    text.setLength(0);
                    if ("version".equals(el) && "ICD10CM.tabular".equals(parent)) {
                        year = value;
                    } else if ("name".equals(el) && "diag".equals(parent)) {
                        Diag d = stack.pop();
                        stack.push(new Diag(value.replace(".", "").toUpperCase(Locale.ROOT)));
                        stack.peek().hasChildren = d.hasChildren;
                    } else if ("desc".equals(el) && "diag".equals(parent)) {
                        stack.peek().desc = value;
                    } else if ("extension".equals(el) && extensionChar != null && !stack.isEmpty()) {
                        seventh.peek().put(extensionChar, value);
                    } else if ("note".equals(el) && "excludes1".equals(parent) && path.size() >= 2 && !stack.isEmpty()
                            && "diag".equals(path.toArray(String[]::new)[1])) {
                        exclusions.addAll(references(stack.peek().name, value));
                    } else if ("diag".equals(el)) {
                        Diag d = stack.pop();
                        Map<String, String> rule = seventh.pop();
                        emit(d, rule, codes);
                        tick(progress, codes.size(), entry);
                    }
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw new InvalidCodeSetFileException("'" + entry + "' is not well-formed XML (" + e.getMessage() + ").");
        }
        if (!root) {
            throw new InvalidCodeSetFileException("'" + entry + "' is not an ICD-10-CM tabular XML (root ICD10CM.tabular).");
        }
        Integer y = year != null && year.matches("\\d{4}") ? Integer.valueOf(year) : yearOrNull(entry);
        return new ParsedCodeSet("ICD-10-CM " + fy(y) + " tabular (CDC)", entry, fiscalStart(y), fiscalEnd(y), codes, exclusions);
    }

    private static void emit(Diag d, Map<String, String> seventh, List<ParsedCode> codes) {
        if (d.name == null || !ICD_CODE.matcher(d.name).matches()) {
            throw new InvalidCodeSetFileException("A diag element holds '" + d.name + "', not an ICD-10-CM code.");
        }
        if (d.hasChildren || seventh.isEmpty()) {
            codes.add(new ParsedCode(d.name, d.desc, !d.hasChildren, null, null));
            return;
        }
        codes.add(new ParsedCode(d.name, d.desc, false, null, null));
        String padded = (d.name + "XXX").substring(0, Math.max(6, d.name.length()));
        for (Map.Entry<String, String> e : seventh.entrySet()) {
            codes.add(new ParsedCode(padded + e.getKey(), d.desc + ", " + e.getValue(), true, null, null));
        }
    }

    /** Code references in an Excludes1 note: "(E08.-)", "(O24.4-)", "(R73.01-R73.09)", "(A00-B99)". */
    static List<ParsedExclusion> references(String code, String note) {
        List<ParsedExclusion> refs = new ArrayList<>();
        Matcher paren = Pattern.compile("\\(([^)]*)\\)").matcher(note);
        while (paren.find()) {
            String inside = paren.group(1);
            Matcher range = EXCLUDED_RANGE.matcher(inside);
            StringBuilder rest = new StringBuilder();
            while (range.find()) {
                refs.add(new ParsedExclusion(code, strip(range.group(1)), strip(range.group(2))));
                range.appendReplacement(rest, " ");
            }
            range.appendTail(rest);
            Matcher single = EXCLUDED_CODE.matcher(rest);
            while (single.find()) {
                String c = strip(single.group());
                refs.add(new ParsedExclusion(code, c, c));
            }
        }
        return refs;
    }

    private static String strip(String ref) {
        return ref.replace(".", "").replace("-", "");
    }

    // ---- HCPCS -----------------------------------------------------------------------------------------

    private static ParsedCodeSet hcpcsZip(String name, byte[] content, Consumer<String> progress) {
        Map<String, byte[]> entries = unzip(content, n -> ANWEB_ENTRY.matcher(n).matches());
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            return hcpcs(e.getKey(), name, e.getValue(), progress);
        }
        throw new InvalidCodeSetFileException("'" + name + "' is not a CMS HCPCS release: the zip holds no HCPCyyyy_ANWEB*.txt.");
    }

    /**
     * ANWEB fixed width: code[0:5] seq[5:10] record id[10] (3 = code, 4 = its long-title continuation,
     * 7/8 = modifiers) long[11:91] short[91:119] ... add date[268:276] action date[276:284] termination[284:292].
     */
    static ParsedCodeSet hcpcs(String entry, String fileName, byte[] content, Consumer<String> progress) {
        Map<String, ParsedCode> codes = new LinkedHashMap<>();
        String[] lines = new String(content, LATIN1).split("\r?\n");
        int modifiers = 0;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.length() < 11 || !line.substring(5, 10).chars().allMatch(Character::isDigit)) {
                continue; // the disclaimer above the data
            }
            char rec = line.charAt(10);
            String code = line.substring(0, 5).trim();
            String title = line.substring(11, Math.min(91, line.length())).trim();
            if (rec == '3') {
                if (!HCPCS_CODE.matcher(code).matches()) {
                    throw new InvalidCodeSetFileException("Line " + (n + 1) + " of '" + entry + "' has '" + code
                            + "' where an HCPCS code belongs.");
                }
                codes.put(code, new ParsedCode(code, title, true, date(line, 268, 276), date(line, 284, 292)));
                tick(progress, codes.size(), entry);
            } else if (rec == '4') {
                ParsedCode first = codes.get(code);
                if (first == null) {
                    throw new InvalidCodeSetFileException("Line " + (n + 1) + " of '" + entry
                            + "' continues code " + code + ", which has no first line.");
                }
                codes.put(code, new ParsedCode(code, first.description() + " " + title, true, first.validFrom(), first.validTo()));
            } else if (rec == '7') {
                modifiers++;
            } else if (rec != '8') {
                throw new InvalidCodeSetFileException("Line " + (n + 1) + " of '" + entry
                        + "' is not an HCPCS ANWEB record (record id " + rec + ").");
            }
        }
        if (codes.isEmpty()) {
            throw new InvalidCodeSetFileException("'" + fileName + "' is not an HCPCS ANWEB file: no code records found.");
        }
        Matcher m = ANWEB_ENTRY.matcher(entry);
        Integer year = m.matches() ? Integer.valueOf(m.group(1)) : yearOrNull(fileName);
        return new ParsedCodeSet("HCPCS Level II " + (year == null ? "" : year + " ") + "(CMS ANWEB, " + modifiers
                + " modifiers)", entry, year == null ? null : LocalDate.of(year, 1, 1),
                year == null ? null : LocalDate.of(year, 12, 31), new ArrayList<>(codes.values()), List.of());
    }

    private static LocalDate date(String line, int from, int to) {
        if (line.length() < to || line.substring(from, to).isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(line.substring(from, to), YYYYMMDD);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---- CSV (CPT, OPCS-4, ICD-10) ---------------------------------------------------------------------

    private static String csvHeader(CodeSystem system) {
        return system == CodeSystem.CPT ? "code,short_description[,long_description]" : "code,description";
    }

    static ParsedCodeSet csv(CodeSystem system, String name, byte[] content, Consumer<String> progress) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = csvRows(text, name);
        if (rows.isEmpty()) {
            throw new InvalidCodeSetFileException("'" + name + "' is empty.");
        }
        List<String> header = rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        boolean cpt = system == CodeSystem.CPT;
        boolean headerOk = cpt
                ? header.size() >= 2 && header.size() <= 3 && header.get(0).equals("code") && header.get(1).equals("short_description")
                        && (header.size() == 2 || header.get(2).equals("long_description"))
                : header.size() == 2 && header.get(0).equals("code") && header.get(1).equals("description");
        if (!headerOk) {
            throw new InvalidCodeSetFileException("'" + name + "' must start with the header " + csvHeader(system)
                    + " (found: " + String.join(",", rows.get(0)) + ").");
        }
        Pattern format = cpt ? CPT_CODE : UK_CODE;
        Map<String, String> codes = new LinkedHashMap<>();
        for (int n = 1; n < rows.size(); n++) {
            List<String> row = rows.get(n);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new InvalidCodeSetFileException("Row " + (n + 1) + " of '" + name + "' has " + row.size()
                        + " fields; the header has " + header.size() + ".");
            }
            String code = system.normalize(row.get(0));
            if (!format.matcher(code).matches()) {
                throw new InvalidCodeSetFileException("Row " + (n + 1) + " of '" + name + "' has '" + row.get(0)
                        + "', which is not a " + system + " code.");
            }
            String description = cpt && row.size() == 3 && !row.get(2).isBlank() ? row.get(2) : row.get(1);
            if (codes.put(code, description.trim()) != null) {
                throw new InvalidCodeSetFileException("Row " + (n + 1) + " of '" + name + "' repeats code " + row.get(0) + ".");
            }
            tick(progress, codes.size(), name);
        }
        // In OPCS-4 and ICD-10 a code with subdivisions is a header; CPT codes are all billable.
        Set<String> parents = new HashSet<>();
        if (!cpt) {
            for (String code : codes.keySet()) {
                for (int len = 3; len < code.length(); len++) {
                    parents.add(code.substring(0, len));
                }
            }
        }
        List<ParsedCode> parsed = codes.entrySet().stream()
                .map(e -> new ParsedCode(e.getKey(), e.getValue(), !parents.contains(e.getKey()), null, null)).toList();
        Integer year = yearOrNull(name);
        String label = switch (system) {
            case CPT -> "CPT (licensed CSV)";
            case OPCS4 -> "OPCS-4 (CSV)";
            default -> "ICD-10 5th edition (CSV)";
        };
        return new ParsedCodeSet(label + (year == null ? "" : " " + year), name,
                year == null ? null : LocalDate.of(year, 1, 1), year == null ? null : LocalDate.of(year, 12, 31),
                parsed, List.of());
    }

    /** RFC 4180: commas, double quotes around fields, doubled quotes inside them. */
    private static List<List<String>> csvRows(String text, String name) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidCodeSetFileException("'" + name + "' ends inside a quoted field.");
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static Map<String, byte[]> unzip(byte[] content, java.util.function.Predicate<String> wanted) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.isDirectory() && wanted.test(entry.getName())) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    byte[] buffer = new byte[65536];
                    int read;
                    while ((read = zip.read(buffer)) > 0) {
                        out.write(buffer, 0, read);
                        if (out.size() > MAX_UNZIPPED) {
                            throw new InvalidCodeSetFileException("'" + entry.getName() + "' unpacks to more than 200 MB.");
                        }
                    }
                    entries.put(entry.getName(), out.toByteArray());
                }
            }
        } catch (ZipException e) {
            throw new InvalidCodeSetFileException("The zip file is corrupt (" + e.getMessage() + ").");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static String fy(Integer year) {
        return year == null ? "" : "FY" + year;
    }

    private static Integer yearOrNull(String name) {
        Matcher m = YEAR.matcher(name == null ? "" : name);
        Integer year = null;
        while (m.find()) {
            year = Integer.parseInt(m.group(1));
        }
        return year;
    }

    /** The ICD-10-CM fiscal year YYYY runs from 1 October YYYY-1 to 30 September YYYY. */
    static LocalDate fiscalStart(Integer year) {
        return year == null ? null : LocalDate.of(year - 1, 10, 1);
    }

    static LocalDate fiscalEnd(Integer year) {
        return year == null ? null : LocalDate.of(year, 9, 30);
    }

    private static void tick(Consumer<String> progress, int count, String entry) {
        if (progress != null && count % 20_000 == 0) {
            progress.accept("Read " + count + " codes from " + entry);
        }
    }
}

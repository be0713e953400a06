package org.landcover4j.io.tiff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GDAL's metadata tag (42112): a small XML document of {@code <Item name=".." [sample="n"] [role=".."]
 * [domain=".."]>text</Item>} elements.
 *
 * <p>Parsed by a linear scanner rather than an XML parser: the format is fixed, the tag may be hostile, and this
 * way no DTD or entity expansion can be triggered. Unknown markup is skipped.
 *
 * @param dataset items without a {@code sample} attribute in the default domain, in file order
 * @param bands   per band (index = sample): items of that band, in file order ({@code DESCRIPTION} with role
 *                "description" is the band description)
 */
record GdalMetadata(Map<String, String> dataset, List<Map<String, String>> bands) {

    static final GdalMetadata EMPTY = new GdalMetadata(Map.of(), List.of());

    static GdalMetadata parse(String xml, int bandCount) {
        Map<String, String> dataset = new LinkedHashMap<>();
        List<Map<String, String>> bands = new ArrayList<>(bandCount);
        for (int i = 0; i < bandCount; i++) {
            bands.add(new LinkedHashMap<>());
        }
        int pos = 0;
        while (true) {
            int start = xml.indexOf("<Item", pos);
            if (start < 0) {
                break;
            }
            int tagEnd = xml.indexOf('>', start);
            if (tagEnd < 0) {
                break;
            }
            String attrs = xml.substring(start + 5, tagEnd);
            String text;
            if (attrs.endsWith("/")) {
                attrs = attrs.substring(0, attrs.length() - 1);
                text = "";
                pos = tagEnd + 1;
            } else {
                int close = xml.indexOf("</Item>", tagEnd + 1);
                if (close < 0) {
                    break;
                }
                text = unescape(xml.substring(tagEnd + 1, close));
                pos = close + 7;
            }
            Map<String, String> a = attributes(attrs);
            String name = a.get("name");
            if (name == null) {
                continue;
            }
            String domain = a.getOrDefault("domain", "");
            if (!domain.isEmpty()) {
                continue;
            }
            String sample = a.get("sample");
            if (sample == null) {
                dataset.put(name, text);
            } else {
                try {
                    int b = Integer.parseInt(sample.strip());
                    if (b >= 0 && b < bandCount) {
                        String role = a.get("role");
                        bands.get(b).put("description".equals(role) ? "DESCRIPTION" : name, text);
                    }
                } catch (NumberFormatException e) {
                    // not a band item we understand
                }
            }
        }
        List<Map<String, String>> frozen = new ArrayList<>(bandCount);
        for (Map<String, String> m : bands) {
            frozen.add(Collections.unmodifiableMap(m));
        }
        return new GdalMetadata(Collections.unmodifiableMap(dataset), Collections.unmodifiableList(frozen));
    }

    /** Band descriptions (empty string where none). */
    List<String> descriptions(int bandCount) {
        List<String> out = new ArrayList<>(bandCount);
        for (int b = 0; b < bandCount; b++) {
            out.add(b < bands.size() ? bands.get(b).getOrDefault("DESCRIPTION", "") : "");
        }
        return out;
    }

    private static Map<String, String> attributes(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = s.substring(i, eq).strip();
            int q = eq + 1;
            while (q < n && Character.isWhitespace(s.charAt(q))) {
                q++;
            }
            if (q >= n || (s.charAt(q) != '"' && s.charAt(q) != '\'')) {
                break;
            }
            int end = s.indexOf(s.charAt(q), q + 1);
            if (end < 0) {
                break;
            }
            out.put(key, unescape(s.substring(q + 1, end)));
            i = end + 1;
        }
        return out;
    }

    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 10) {
                String ent = s.substring(i + 1, semi);
                String rep = switch (ent) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> numeric(ent);
                };
                if (rep != null) {
                    sb.append(rep);
                    i = semi + 1;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static String numeric(String ent) {
        try {
            int cp;
            if (ent.startsWith("#x") || ent.startsWith("#X")) {
                cp = Integer.parseInt(ent.substring(2), 16);
            } else if (ent.startsWith("#")) {
                cp = Integer.parseInt(ent.substring(1));
            } else {
                return null;
            }
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The XML GDAL writes for these items (dataset items, then per-band items with their sample index). */
    static String format(Map<String, String> dataset, List<String> descriptions) {
        StringBuilder sb = new StringBuilder("<GDALMetadata>\n");
        for (var e : dataset.entrySet()) {
            sb.append("  <Item name=\"").append(escape(e.getKey())).append("\">").append(escape(e.getValue()))
                    .append("</Item>\n");
        }
        for (int b = 0; b < descriptions.size(); b++) {
            String d = descriptions.get(b);
            if (d != null && !d.isEmpty()) {
                sb.append("  <Item name=\"DESCRIPTION\" sample=\"").append(b).append("\" role=\"description\">")
                        .append(escape(d)).append("</Item>\n");
            }
        }
        return sb.append("</GDALMetadata>\n").toString();
    }
}

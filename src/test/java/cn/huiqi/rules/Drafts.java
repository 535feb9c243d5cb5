package cn.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;

/** Drafts made from the version in force, as the editor would produce them, and the API steps around them. */
final class Drafts {

    private Drafts() {
    }

    /** The version in force of {@code key}, as the rules page loads it. */
    static JsonNode detail(HttpApi staff, String key) {
        return staff.getJson("/api/rules/" + key);
    }

    /** The XML of the version in force with one cell's FEEL text replaced (the cell found by its element id). */
    static String withCell(String xml, String entryId, String newText) {
        int at = xml.indexOf("id=\"" + entryId + "\"");
        assertThat(at).as("entry %s in the table", entryId).isPositive();
        int open = xml.indexOf("<text>", at) + "<text>".length();
        int close = xml.indexOf("</text>", open);
        return xml.substring(0, open) + escape(newText) + xml.substring(close);
    }

    /**
     * Measure 1 under the cumulative reading, as policy staff would edit it on the rules page: each amount
     * test moves from the largest-single-order column to the total-of-orders column.
     */
    static String cumulativeOrderReading(String xml) {
        String draft = xml;
        for (var tier : java.util.Map.of("rule-below-50m", "< 50000000", "rule-tier-50m", "[50000000..100000000[",
                "rule-tier-100m", "[100000000..200000000[", "rule-tier-200m", ">= 200000000").entrySet()) {
            draft = withCell(withCell(draft, tier.getKey() + "-largest", "-"), tier.getKey() + "-total", tier.getValue());
        }
        return draft;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * What-if, then publish with the what-if's token; answers the publication. The quick start's demo rounds are
     * open, so the version applies to the open round too (THIS_ROUND): new cases are decided by it, as before rounds.
     */
    static JsonNode publish(HttpApi staff, String key, String xml, String note) {
        return publish(staff, key, xml, note, "THIS_ROUND");
    }

    /** What-if, then publish for the scope NEXT_ROUND or THIS_ROUND (docs/rounds.md). */
    static JsonNode publish(HttpApi staff, String key, String xml, String note, String scope) {
        JsonNode whatIf = HttpApi.expect(200, staff.post("/api/rules/" + key + "/what-if", HttpApi.toJson(java.util.Map.of("xml", xml))));
        return HttpApi.expect(201, staff.post("/api/rules/" + key + "/publish", HttpApi.toJson(java.util.Map.of(
                "xml", xml, "note", note, "whatIfToken", whatIf.get("token").asText(), "scope", scope))));
    }
}

package cn.huiqi.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our Simplified Chinese locale of the embedded Camunda webapps (Tasklist, Admin, Welcome, Cockpit).
 * A key missing from zh.json shows raw in the page, so zh.json must carry exactly
 * the keys of the webjar's en.json, and config.js must offer zh first.
 */
class WebappLocalesTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*\\}\\}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome", "cockpit"})
    void zhHasExactlyTheKeysOfTheWebjarsEnglishAndTranslatesEveryLabel(String app) throws IOException {
        JsonNode en = json(single(APP + app + "/locales/en.json", true));
        JsonNode zh = json(single(APP + app + "/locales/zh.json", false));

        assertThat(fieldNames(zh)).as("%s top-level keys", app).isEqualTo(fieldNames(en));
        assertThat(fieldNames(zh.get("labels"))).as("%s label keys", app)
                .isEqualTo(fieldNames(en.get("labels")));
        if (en.has("dateLocales")) {
            assertSameShape(app + ".dateLocales", en.get("dateLocales"), zh.get("dateLocales"));
        }

        List<String> problems = new ArrayList<>();
        zh.get("labels").fields().forEachRemaining(label -> {
            String key = label.getKey();
            JsonNode value = label.getValue();
            String english = en.get("labels").get(key).asText();
            // an English plural ending ("s" glued to a noun) has no Chinese counterpart: it stays empty
            boolean pluralEnding = english.equals("s");
            if (!value.isTextual() || (value.asText().isBlank() && !pluralEnding)) {
                problems.add(key + ": empty");
                return;
            }
            if (pluralEnding && !value.asText().isEmpty()) {
                problems.add(key + ": an English plural ending must stay empty in Chinese");
                return;
            }
            Set<String> missing = placeholders(en.get("labels").get(key).asText());
            missing.removeAll(placeholders(value.asText()));
            if (!missing.isEmpty()) {
                problems.add(key + ": lacks placeholders " + missing);
            }
        });
        assertThat(problems).as("%s labels", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome", "cockpit"})
    void configOffersChineseFirstAndFallsBackToIt(String app) throws IOException {
        String config = text(single(APP + app + "/scripts/config.js", false));
        String code = config.replaceAll("(?m)^\\s*//.*$", "");

        assertThat(code).as("%s config.js", app)
                .containsPattern("availableLocales\\s*:\\s*\\[\\s*['\"]zh['\"]")
                .containsPattern("fallbackLocale\\s*:\\s*['\"]zh['\"]")
                .contains("export default");
    }

    /** The one copy of a resource, from the webjar (inJar) or from our own resources. */
    private static URL single(String name, boolean inJar) throws IOException {
        List<URL> found = new ArrayList<>();
        for (URL url : Collections.list(WebappLocalesTest.class.getClassLoader().getResources(name))) {
            if ("jar".equals(url.getProtocol()) == inJar) {
                found.add(url);
            }
        }
        assertThat(found).as("%s %s", inJar ? "webjar's" : "our", name).hasSize(1);
        return found.get(0);
    }

    private static String text(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s; // the webjar's files start with a BOM
        }
    }

    private static JsonNode json(URL url) throws IOException {
        return JSON.readTree(text(url));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> placeholders(String s) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static void assertSameShape(String path, JsonNode en, JsonNode zh) {
        assertThat(zh).as(path).isNotNull();
        assertThat(zh.getNodeType()).as(path).isEqualTo(en.getNodeType());
        if (en.isObject()) {
            assertThat(fieldNames(zh)).as(path).isEqualTo(fieldNames(en));
            for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                assertSameShape(path + "." + e.getKey(), e.getValue(), zh.get(e.getKey()));
            }
        } else if (en.isArray()) {
            assertThat(zh.size()).as(path).isEqualTo(en.size());
            for (int i = 0; i < en.size(); i++) {
                assertSameShape(path + "[" + i + "]", en.get(i), zh.get(i));
            }
        } else if (en.isTextual()) {
            assertThat(zh.asText()).as(path).isNotBlank();
        }
    }
}

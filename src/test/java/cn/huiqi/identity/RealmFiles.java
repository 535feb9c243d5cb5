package cn.huiqi.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm files of docker/keycloak: huiqi-realm.json (deployment), huiqi-realm-demo-overlay.json, and
 * huiqi-realm-demo.json = the deployment realm with the overlay applied (what scripts/keycloak.sh and the
 * local docker stack import). Overlay rule: objects merge key by key; lists of users, clients, groups and
 * roles merge element by element by their name (username, clientId, name), an element not yet there is
 * added; anything else is replaced; keys starting with "_" are comments.
 */
final class RealmFiles {

    static final Path DIR = Path.of("docker/keycloak");
    static final Path DEPLOYMENT = DIR.resolve("huiqi-realm.json");
    static final Path OVERLAY = DIR.resolve("huiqi-realm-demo-overlay.json");
    static final Path DEMO = DIR.resolve("huiqi-realm-demo.json");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> ELEMENT_KEYS = List.of("username", "clientId", "name", "alias");

    private RealmFiles() {
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    static String write(JsonNode realm) {
        try {
            return JSON.writeValueAsString(realm) + "\n";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void writeTo(Path file, JsonNode realm) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, write(realm));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The realm's declarative user profile (a JSON string inside the component's config). */
    static JsonNode userProfile(JsonNode realm) {
        try {
            return JSON.readTree(realm.get("components").get("org.keycloak.userprofile.UserProfileProvider").get(0)
                    .get("config").get("kc.user.profile.config").get(0).asText());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static ObjectNode demoRealm() {
        ObjectNode realm = read(DEPLOYMENT).deepCopy();
        merge(realm, read(OVERLAY));
        return realm;
    }

    private static void merge(ObjectNode target, JsonNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().startsWith("_")) {
                continue;
            }
            JsonNode current = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (current instanceof ObjectNode object && value.isObject()) {
                merge(object, value);
            } else if (current instanceof ArrayNode list && value.isArray() && keyOf(value) != null) {
                mergeElements(list, (ArrayNode) value, keyOf(value));
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static void mergeElements(ArrayNode target, ArrayNode overlay, String key) {
        for (JsonNode element : overlay) {
            ObjectNode existing = null;
            for (JsonNode candidate : target) {
                if (candidate.path(key).equals(element.get(key))) {
                    existing = (ObjectNode) candidate;
                }
            }
            if (existing == null) {
                target.add(element.deepCopy());
            } else {
                merge(existing, element);
            }
        }
    }

    private static String keyOf(JsonNode list) {
        if (list.isEmpty() || !list.get(0).isObject()) {
            return null;
        }
        return ELEMENT_KEYS.stream().filter(list.get(0)::has).findFirst().orElse(null);
    }
}

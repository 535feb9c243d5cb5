package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.identity.IdentityIntegrationTest;

/**
 * Issue 9, item 6: whatever a signed-in user sends to any {@code /api} endpoint, the answer is a specific
 * bilingual 4xx, never a 5xx, and nothing is written. The endpoints are read from Spring's
 * {@link RequestMappingHandlerMapping}, so a new controller is attacked without editing this class: wrong
 * content types, malformed bodies, duplicate keys, wrong JSON types, huge numbers, control characters in
 * every text field, out-of-range path ids and query parameters of the wrong type.
 */
@IdentityIntegrationTest
class ApiRobustnessAttackTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    /** Tables whose row count a refused request must leave as it is. */
    private static final Set<String> ENGINE_TABLES = Set.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE",
            "ACT_RE_DEPLOYMENT", "ACT_RU_AUTHORIZATION", "ACT_ID_MEMBERSHIP", "ACT_ID_USER");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;
    @Autowired
    JdbcTemplate jdbc;

    private final List<String> failures = new ArrayList<>();
    private Map<String, Long> rowsBefore;

    /** Path prefix → the demo account that acts there, most specific first. */
    static final Map<String, String> ACTING_ROLES = actingRoles();

    private static Map<String, String> actingRoles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("/api/financing/demands", "ent-hongdu");
        roles.put("/api/financing/market", "demobank1-staff");
        roles.put("/api/financing/take-ups", "demobank1-staff");
        roles.put("/api/financing/events/{id}/registrations", "ent-hongdu");
        roles.put("/api/financing/events", "jrb-reviewer");
        roles.put("/api/financing/equity-requests/{id}/steps", "ctjt-reviewer");
        roles.put("/api/financing/equity-requests", "ent-hongdu");
        return roles;
    }

    record Endpoint(String method, String pattern, HandlerMethod handler) {

        String path(Map<String, String> variables) {
            Matcher m = PATH_VARIABLE.matcher(pattern);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(m.group(1), sample(m.group(1)))));
            }
            m.appendTail(out);
            return out.toString();
        }

        String samplePath() {
            return path(Map.of());
        }

        String sample(String variable) {
            if (submitsForAMeasure()) {
                return "M1"; // a measure that takes applications, so the body is read
            }
            Class<?> type = pathVariableType(variable);
            return type != null && isNumber(type) ? "1" : "x";
        }

        Class<?> pathVariableType(String variable) {
            for (MethodParameter p : handler.getMethodParameters()) {
                PathVariable annotation = p.getParameterAnnotation(PathVariable.class);
                if (annotation != null && variable.equals(name(annotation.value(), annotation.name(), p))) {
                    return p.getParameterType();
                }
            }
            return null;
        }

        List<String> pathVariables() {
            List<String> names = new ArrayList<>();
            Matcher m = PATH_VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        Map<String, Class<?>> queryParameters() {
            Map<String, Class<?>> params = new LinkedHashMap<>();
            for (MethodParameter p : handler.getMethodParameters()) {
                RequestParam annotation = p.getParameterAnnotation(RequestParam.class);
                if (annotation != null) {
                    params.put(name(annotation.value(), annotation.name(), p), p.getParameterType());
                }
            }
            return params;
        }

        MethodParameter body() {
            for (MethodParameter p : handler.getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    return p;
                }
            }
            return null;
        }

        boolean needsIdempotencyKey() {
            for (MethodParameter p : handler.getMethodParameters()) {
                RequestHeader annotation = p.getParameterAnnotation(RequestHeader.class);
                if (annotation != null && "Idempotency-Key".equals(name(annotation.value(), annotation.name(), p))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Enterprises apply; measure 8's steps are tried as the role that acts on them (the administrator holds none of
         * them: an enterprise's demand, an institution's offer, jrb's events, ctjt's referrals); everything else as the
         * administrator, who passes every other role check. So the body is read, not refused at the role check.
         */
        String user() {
            if (pattern.matches("/api/m\\d+/.*") || submitsForAMeasure()) {
                return "ent-hongdu";
            }
            for (Map.Entry<String, String> acting : ACTING_ROLES.entrySet()) {
                if (pattern.startsWith(acting.getKey())) {
                    return acting.getValue();
                }
            }
            return "admin";
        }

        /** POST /api/measures/{id}/applications: the measure's body, read by the controller itself (no @RequestBody). */
        boolean submitsForAMeasure() {
            return pattern.equals("/api/measures/{id}/applications");
        }

        /**
         * The annotation's name, else the Java parameter's: a MethodParameter knows that only once a name discoverer was
         * set on it, which Spring does when the endpoint is first called. Without one here the names depended on which
         * endpoints earlier test classes of the same JVM had called (unnamed parameters fell together under null).
         */
        private static String name(String value, String name, MethodParameter p) {
            if (!value.isEmpty()) {
                return value;
            }
            if (!name.isEmpty()) {
                return name;
            }
            MethodParameter named = p.clone();
            named.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            return named.getParameterName();
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @BeforeEach
    void countRows() {
        // each attacker signs in once first: a sign-in clears the user's failed-login count (login_lock), which other
        // tests of this context may have left; the attacks below must then leave every table as it is
        Set<String> attackers = new java.util.TreeSet<>(ACTING_ROLES.values());
        attackers.addAll(List.of("admin", "ent-hongdu"));
        for (String user : attackers) {
            assertThat(RawHttp.as(port, user, DemoAccounts.PASSWORD).get("/api/me").status()).as(user + " signs in").isEqualTo(200);
        }
        rowsBefore = rowCounts();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(rowCounts()).as("row counts after the attacks").isEqualTo(rowsBefore);
    }

    @Test
    void theWalkFindsTheApi() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).extracting(Endpoint::toString).contains("GET /api/projects", "GET /api/settlements/{id}",
                "POST /api/enterprises/{id}/users", "POST /api/rules/{key}/rollback", "POST /api/m1/applications",
                "POST /api/measures/{id}/applications", "GET /api/measures");
    }

    @Test
    void everyBodyThatIsNotUtf8JsonIsRefusedWith415() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (Endpoint endpoint : bodyEndpoints()) {
            RawHttp http = as(endpoint);
            String path = endpoint.samplePath();
            attempt("api-content-type", endpoint + " text/plain", is(415),
                    http.send(endpoint.method(), path, "text/plain", utf8("{\"a\":\"b\"}"), headers(endpoint)));
            attempt("api-content-type", endpoint + " form", is(415),
                    http.send(endpoint.method(), path, "application/x-www-form-urlencoded", utf8("a=b&reason=x"), headers(endpoint)));
            attempt("api-content-type", endpoint + " multipart", is(415), http.send(endpoint.method(), path,
                    "multipart/form-data; boundary=XyZ", utf8("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--XyZ--\r\n"),
                    headers(endpoint)));
            attempt("api-content-type", endpoint + " no content type", is(415),
                    http.send(endpoint.method(), path, null, utf8("{}"), headers(endpoint)));
            attempt("api-content-type", endpoint + " json in latin-1", is(415),
                    http.send(endpoint.method(), path, "application/json; charset=ISO-8859-1", utf8("{}"), headers(endpoint)));
            attempt("api-content-type", endpoint + " json with an unknown charset", is(415),
                    http.send(endpoint.method(), path, "application/json; charset=x-nonsense", utf8("{}"), headers(endpoint)));
            attempt("api-content-type", endpoint + " xml", is(415),
                    http.send(endpoint.method(), path, "application/xml", utf8("<a/>"), headers(endpoint)));
            attempt("api-content-type", endpoint + " malformed content type", is(415),
                    http.send(endpoint.method(), path, "application/", utf8("{}"), headers(endpoint)));
        }
        assertNoFailures();
    }

    @Test
    void malformedJsonDuplicateKeysWrongTypesHugeNumbersAndControlCharactersAreRefusedWith4xx() {
        String deep = "[".repeat(3000) + "]".repeat(3000);
        for (Endpoint endpoint : bodyEndpoints()) {
            RawHttp http = as(endpoint);
            String path = endpoint.samplePath();
            for (String malformed : List.of("{", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "", "   ", "{\"a\":NaN}", "{\"a\":Infinity}",
                    "{\"a\":-Infinity}", "{\"a\":01}", "\u0000", deep, "{\"a\":\"\\u0000\"", "[]", "\"text\"", "42", "true")) {
                attempt("api-malformed-json", endpoint + " body " + shorten(malformed), is4xx(),
                        http.json(endpoint.method(), path, malformed, headers(endpoint)));
            }
            MethodParameter body = endpoint.body();
            if (body == null || !body.getParameterType().isRecord()) {
                continue;
            }
            for (RecordComponent component : body.getParameterType().getRecordComponents()) {
                attackComponent(endpoint, http, path, component.getName(), component.getType(), component.getGenericType());
            }
        }
        assertNoFailures();
    }

    private void attackComponent(Endpoint endpoint, RawHttp http, String path, String field, Class<?> type, Type generic) {
        String what = endpoint + " field " + field;
        attempt("api-duplicate-keys", what + " twice", isStatusNaming(400, field),
                http.json(endpoint.method(), path, "{" + jsonField(field, "\"a\"") + "," + jsonField(field, "\"b\"") + "}", headers(endpoint)));
        String wrongType = List.class.isAssignableFrom(type) ? "\"not a list\"" : "{\"nested\":{\"x\":1}}";
        attempt("api-wrong-json-type", what + " = " + wrongType, isStatusNaming(400, field),
                http.json(endpoint.method(), path, "{" + jsonField(field, wrongType) + "}", headers(endpoint)));
        for (String huge : List.of("1e400", "-1e400", "1e+308", "99999999999999999999", "2147483648", "-1", "1.5", "1e-400",
                "1" + "0".repeat(1200))) {
            attempt("api-huge-number", what + " = " + shorten(huge), is4xx(),
                    http.json(endpoint.method(), path, "{" + jsonField(field, huge) + "}", headers(endpoint)));
        }
        if (type == String.class) {
            for (String unsafe : List.of("a\\u0000b", "\\u0007", "\\u001b[31m", "\\u007f", "\\u0085", "\\u202e\\u0031", "\\ud800", "\\udc00x")) {
                attempt("api-control-characters", what + " = \"" + unsafe + "\"", isStatusNaming(400, field),
                        http.json(endpoint.method(), path, "{" + jsonField(field, "\"" + unsafe + "\"") + "}", headers(endpoint)));
            }
        }
        if (List.class.isAssignableFrom(type) && generic instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            for (RecordComponent inner : element.getRecordComponents()) {
                if (inner.getType() == String.class) {
                    String nested = field + "[0]." + inner.getName();
                    attempt("api-control-characters", endpoint + " field " + nested + " with NUL", isStatusNaming(400, nested),
                            http.json(endpoint.method(), path, "{" + jsonField(field, "[{" + jsonField(inner.getName(), "\"a\\u0000\"") + "}]") + "}",
                                    headers(endpoint)));
                }
            }
        }
    }

    @Test
    void pathVariablesOutOfRangeOrOfTheWrongTypeAreRefusedWith4xx() {
        List<String> values = List.of("99999999999999999999", "2147483648", "9223372036854775808", "-1", "0", "1e%2B308", "1e400",
                "NaN", "Infinity", "0x10", "1;x", "1%3Bx", "%2525", "%07", "%E2%80%AE1", "%F0%A0%AE%B7", "a".repeat(300));
        for (Endpoint endpoint : endpoints()) {
            for (String variable : endpoint.pathVariables()) {
                Class<?> type = endpoint.pathVariableType(variable);
                for (String value : values) {
                    boolean numericVariable = type != null && isNumber(type);
                    if (!numericVariable && value.matches("[0-9]+")) {
                        continue; // a number is a valid text id; not an attack on a text variable
                    }
                    String path = endpoint.path(Map.of(variable, value));
                    RawHttp.Response response = BODY_METHODS.contains(endpoint.method())
                            ? as(endpoint).json(endpoint.method(), path, "{}", headers(endpoint))
                            : as(endpoint).send(endpoint.method(), path, null, null, headers(endpoint));
                    attempt("api-path-variable-range", endpoint + " with " + variable + "=" + shorten(value),
                            numericVariable ? is4xx() : notServerError(), response);
                }
            }
        }
        assertNoFailures();
    }

    @Test
    void queryParametersOfTheWrongTypeAreRefusedWith4xx() {
        List<String> values = List.of("x", "99999999999999999999", "-1", "1e400", "%00", "%E2%80%AE", "2023-13", "9999999-01",
                "a".repeat(500), "true%00");
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.method().equals("GET")) {
                continue;
            }
            endpoint.queryParameters().forEach((name, type) -> {
                for (String value : values) {
                    RawHttp.Response response = as(endpoint).get(endpoint.samplePath() + "?" + name + "=" + value);
                    boolean typed = isNumber(type) || type == Boolean.class || type == boolean.class;
                    attempt("api-query-parameter-type", endpoint + " ?" + name + "=" + shorten(value),
                            typed && !value.equals("-1") ? is4xx() : notServerError(), response);
                }
            });
        }
        assertNoFailures();
    }

    // ---- the specific reproductions of issue 9, item 6

    @Test
    void theReproductionsOfTheIssueAreSpecific4xx() {
        RawHttp admin = RawHttp.as(port, "admin", DemoAccounts.PASSWORD);
        RawHttp policy = RawHttp.as(port, "policy-staff", DemoAccounts.PASSWORD);
        RawHttp enterprise = RawHttp.as(port, "ent-hongdu", DemoAccounts.PASSWORD);

        attempt("api-query-parameter-type", "GET /api/projects?major=x", isStatusNaming(400, "major"), admin.get("/api/projects?major=x"));
        attempt("api-path-variable-range", "GET /api/settlements/99999999999999999999", isStatusNaming(400, "id"),
                admin.get("/api/settlements/99999999999999999999"));
        attempt("api-path-variable-range", "GET /api/rules/order-reward/versions/2147483648", isStatusNaming(400, "version"),
                policy.get("/api/rules/order-reward/versions/2147483648"));
        attempt("api-path-variable-range", "GET /api/rules/order-reward/versions/-1", isStatusNaming(404, "version"),
                policy.get("/api/rules/order-reward/versions/-1"));
        attempt("api-path-variable-range", "rollback to -1", is4xx(), policy.json("POST", "/api/rules/order-reward/rollback",
                "{\"version\":-1,\"note\":\"attack\",\"whatIfToken\":\"x\"}"));
        attempt("api-path-variable-range", "rollback to 2147483648", isStatusNaming(400, "version"), policy.json("POST",
                "/api/rules/order-reward/rollback", "{\"version\":2147483648,\"note\":\"attack\",\"whatIfToken\":\"x\"}"));
        attempt("api-content-type", "POST /api/settlements text/plain", is(415),
                admin.send("POST", "/api/settlements", "text/plain", utf8("{\"measure\":\"M1\"}"), Map.of()));
        attempt("api-content-type", "POST /api/settlements form", is(415),
                admin.send("POST", "/api/settlements", "application/x-www-form-urlencoded", utf8("measure=M1"), Map.of()));
        attempt("api-duplicate-keys", "POST /api/settlements with measure twice", isStatusNaming(400, "measure"),
                admin.json("POST", "/api/settlements", "{\"measure\":\"M9\",\"measure\":\"M1\"}"));

        // a measure 1 application of one order, its amount and evidence as given
        String application = "{\"orders\":[{\"counterparty\":\"上海某某贸易有限公司\",\"contractNumber\":\"HT-ATTACK-1\","
                + "\"signingDate\":\"2023-08-15\",\"orderAmount\":%s,\"executionEvidence\":%s}]}";
        attempt("api-idempotency-key", "Idempotency-Key in Chinese", isStatusNaming(400, "Idempotency-Key"), enterprise.json("POST",
                "/api/m1/applications", application.formatted("\"50000000.00\"", "\"ok\""), Map.of("Idempotency-Key", "幂等键-1")));
        attempt("api-idempotency-key", "Idempotency-Key of 129 characters", isStatusNaming(400, "Idempotency-Key"), enterprise.json("POST",
                "/api/m1/applications", application.formatted("\"50000000.00\"", "\"ok\""), Map.of("Idempotency-Key", "k".repeat(129))));
        attempt("api-idempotency-key", "Idempotency-Key with a space", isStatusNaming(400, "Idempotency-Key"), enterprise.json("POST",
                "/api/m1/applications", application.formatted("\"50000000.00\"", "\"ok\""), Map.of("Idempotency-Key", "a b")));
        for (String amount : List.of("1e400", "\"1e400\"", "1e+308", "\"1e+308\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "NaN")) {
            // a bare NaN is no JSON value: the parser names the order it stands in
            attempt("api-huge-number", "orderAmount " + amount, isStatusNaming(400, amount.equals("NaN") ? "orders[0]" : "orders[0].orderAmount"),
                    enterprise.json("POST", "/api/m1/applications",
                    application.formatted(amount, "\"ok\""), Map.of("Idempotency-Key", "attack-amount")));
        }
        attempt("api-control-characters", "NUL in the execution evidence", isStatusNaming(400, "orders[0].executionEvidence"),
                enterprise.json("POST", "/api/m1/applications", application.formatted("\"50000000.00\"", "\"ok\\u0000\""),
                        Map.of("Idempotency-Key", "attack-nul")));
        attempt("api-control-characters", "NUL in an objection reason", isStatusNaming(400, "reason"),
                admin.json("POST", "/api/cases/HQ-NONE/objections", "{\"reason\":\"see\\u0000\"}"));
        attempt("api-control-characters", "NUL in an enterprise name", isStatusNaming(400, "name"),
                admin.json("POST", "/api/enterprises", "{\"uscc\":\"91360102MA35HQ1D2F\",\"name\":\"A\\u0000B\"}"));
        assertNoFailures();
    }

    // ---- helpers

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            Set<String> patterns = entry.getKey().getPatternValues();
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    endpoints.add(new Endpoint(method.name(), pattern, entry.getValue()));
                }
            }
        }
        endpoints.sort((a, b) -> a.toString().compareTo(b.toString()));
        return endpoints;
    }

    private List<Endpoint> bodyEndpoints() {
        return endpoints().stream().filter(e -> BODY_METHODS.contains(e.method())).toList();
    }

    private RawHttp as(Endpoint endpoint) {
        return RawHttp.as(port, endpoint.user(), DemoAccounts.PASSWORD);
    }

    private static Map<String, String> headers(Endpoint endpoint) {
        return endpoint.needsIdempotencyKey() ? Map.of("Idempotency-Key", "attack-key-1") : Map.of();
    }

    interface Expectation {
        String check(RawHttp.Response response);
    }

    private static Expectation is(int status) {
        return r -> r.status() == status ? null : "expected " + status;
    }

    private static Expectation is4xx() {
        return statusWhere(s -> s >= 400 && s < 500, "a 4xx");
    }

    private static Expectation notServerError() {
        return statusWhere(s -> s < 500, "no 5xx");
    }

    private static Expectation statusWhere(IntPredicate ok, String what) {
        return r -> ok.test(r.status()) ? null : "expected " + what;
    }

    /** The status, and the error names the field (the first one, or any). */
    private static Expectation isStatusNaming(int status, String field) {
        return r -> {
            if (r.status() != status) {
                return "expected " + status;
            }
            JsonNode errors = r.json() == null ? null : r.json().get("errors");
            if (errors == null) {
                return "no errors";
            }
            for (JsonNode error : errors) {
                if (field.equals(error.path("field").asText(null))) {
                    return null;
                }
            }
            return "expected an error naming field " + field;
        };
    }

    /** Records the attempt and collects what is wrong with the answer (reported together at the end). */
    private void attempt(String family, String what, Expectation expectation, RawHttp.Response response) {
        String problem = expectation.check(response);
        if (problem == null && response.status() >= 400) {
            problem = bilingualErrorProblem(response);
        }
        if (problem == null && response.status() >= 500) {
            problem = "server error";
        }
        AttackLedger.record(family, problem == null, what + " → " + response);
        if (problem != null) {
            failures.add(what + ": " + problem + " — got " + response);
        }
    }

    private static String bilingualErrorProblem(RawHttp.Response response) {
        JsonNode body = response.json();
        JsonNode errors = body == null ? null : body.get("errors");
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            return "not the bilingual error shape";
        }
        for (JsonNode error : errors) {
            if (!error.has("field") || error.path("zh").asText("").isBlank() || error.path("en").asText("").isBlank()) {
                return "an error without field, zh and en";
            }
        }
        if (response.body().contains("Exception") || response.body().contains("java.")) {
            return "the error names Java classes";
        }
        return null;
    }

    private void assertNoFailures() {
        assertThat(failures).as("answers that were not a specific bilingual 4xx").isEmpty();
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'", String.class)) {
            // evidence_access logs every download attempt, refused ones too (docs/evidence.md): a write by design
            boolean app = !table.startsWith("ACT_") && !table.equalsIgnoreCase("flyway_schema_history")
                    && !table.equalsIgnoreCase("evidence_access");
            if (app || ENGINE_TABLES.contains(table)) {
                counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table + "\"", Long.class));
            }
        }
        return counts;
    }

    private static boolean isNumber(Class<?> type) {
        return Number.class.isAssignableFrom(type) || type == long.class || type == int.class || type == short.class;
    }

    private static String jsonField(String name, String rawValue) {
        return "\"" + name + "\":" + rawValue;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }
}

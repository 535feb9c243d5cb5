package cn.huiqi.identity;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keycloak tests need the Keycloak of scripts/keycloak.sh. Under CI (CI set, as .ci/run does) a missing
 * Keycloak FAILS them; on a developer's machine without it they are skipped with a hint.
 */
public class KeycloakRequired implements ExecutionCondition, BeforeAllCallback {

    private static final String HINT = "Keycloak does not answer at " + KeycloakTestRealm.ISSUER
            + "; start it with scripts/keycloak.sh start (scripts/test.sh does)";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (KeycloakTestRealm.answers() || isCi()) {
            return ConditionEvaluationResult.enabled("Keycloak answers or CI must fail without it");
        }
        return ConditionEvaluationResult.disabled(HINT);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!KeycloakTestRealm.answers()) {
            throw new IllegalStateException(HINT);
        }
    }

    private static boolean isCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci);
    }
}

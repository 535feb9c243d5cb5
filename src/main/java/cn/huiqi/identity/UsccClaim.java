package cn.huiqi.identity;

import java.util.List;

/**
 * Profile keycloak: told of every Keycloak-authenticated request's user, its groups and the USCC its
 * token names (the alias of the user's Keycloak organization, {@code KeycloakCallers.enterpriseUscc}), so
 * the enterprise binding follows Keycloak. Implemented in {@code enterprise}
 * ({@code EnterpriseBindingFromToken}): identity does not depend on the enterprise register.
 */
public interface UsccClaim {

    void refresh(String userId, List<String> groupIds, String usccClaim);
}

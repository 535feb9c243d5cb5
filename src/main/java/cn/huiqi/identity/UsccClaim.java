package cn.huiqi.identity;

import java.util.List;

/**
 * Profile keycloak: told of every Keycloak-authenticated request's user, its groups and its {@code uscc}
 * claim, so the enterprise binding follows Keycloak. Implemented in {@code enterprise}
 * ({@code EnterpriseBindingFromToken}): identity does not depend on the enterprise register.
 */
public interface UsccClaim {

    /** The token claim carrying the enterprise's 统一社会信用代码 (user attribute {@code uscc}). */
    String CLAIM = "uscc";

    void refresh(String userId, List<String> groupIds, String usccClaim);
}

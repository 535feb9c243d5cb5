package cn.huiqi.enterprise;

/** Binds one login to exactly one enterprise (table enterprise_user, keyed by the login). */
public class EnterpriseUser {

    private final String userId;
    private final Long enterpriseId;

    public EnterpriseUser(String userId, Long enterpriseId) {
        this.userId = userId;
        this.enterpriseId = enterpriseId;
    }

    public String getUserId() { return userId; }
    public Long getEnterpriseId() { return enterpriseId; }
}

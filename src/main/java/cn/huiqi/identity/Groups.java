package cn.huiqi.identity;

/** Group ids that are roles rather than units. Unit groups use the unit ids of MEASURES.md. */
public final class Groups {

    public static final String CAMUNDA_ADMIN = "camunda-admin";
    public static final String POLICY_ADMIN = "policy-admin";
    public static final String ENTERPRISE = "enterprise";
    public static final String AUDITOR = "auditor";

    private Groups() {
    }
}

package cn.huiqi.identity;

/**
 * Group ids that are roles rather than units, and the city units the application itself names.
 * Unit groups use the unit ids of MEASURES.md.
 */
public final class Groups {

    /** 市工信局: lead unit of the reward measures; starts settlements, records objections, keeps the project library. */
    public static final String LEAD_BUREAU = "gxj";
    /** 市财政局: pays the rewards. */
    public static final String FINANCE_BUREAU = "czj";
    /** 市金融办: lead unit of measure 8 (financing); maintains the financial institutions. */
    public static final String FINANCIAL_OFFICE = "jrb";

    public static final String CAMUNDA_ADMIN = "camunda-admin";
    public static final String POLICY_ADMIN = "policy-admin";
    public static final String ENTERPRISE = "enterprise";
    public static final String AUDITOR = "auditor";
    /** 市领导: reads the fulfilment board (兑现看板) and nothing else. */
    public static final String LEADER = "leader";

    private Groups() {
    }
}

package cn.huiqi.catalogue;

/** Ids of the policy documents whose measures this system runs (each a row of table policy_document). */
public final class PolicyDocuments {

    /** 洪府办发〔2023〕81号 关于支持工业企业稳生产拓市场提质效的若干措施 */
    public static final String NANCHANG_2023_81 = "hfbf-2023-81";

    private PolicyDocuments() {
    }
}

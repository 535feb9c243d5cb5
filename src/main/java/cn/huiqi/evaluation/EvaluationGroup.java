package cn.huiqi.evaluation;

/**
 * The groups localities are ranked in (系统默认值: the policy names none). Which locality is in which group is data
 * (table evaluation_locality_group, V35), read by {@link LocalityGroups}.
 */
public enum EvaluationGroup {
    DISTRICT("区"), COUNTY("县"), DEVELOPMENT_ZONE("开发区");

    private final String nameZh;

    EvaluationGroup(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}

package cn.huiqi.workflow;

import java.util.Objects;

import cn.huiqi.common.Label;

/**
 * Who acts on a step, in terms of the case the step works on; {@link StepRoles} decides whether a user
 * holds it for one task. The case, not a process variable, says which locality, which city unit and
 * which enterprise that is.
 */
public final class TaskRole {

    public enum Kind { APPLICANT, ENTERPRISE_USER, LOCALITY, CITY_UNIT, FINANCE, CASE_UNIT, GROUP }

    /** A user who acts for the case's enterprise (enterprise.EnterpriseRegister#actsFor). */
    public static final TaskRole APPLICANT = new TaskRole(Kind.APPLICANT, null, Label.of("申请企业", "the applying enterprise"));
    /** Any enterprise user: starting an application, before a case exists. */
    public static final TaskRole ENTERPRISE_USER = new TaskRole(Kind.ENTERPRISE_USER, null, Label.of("企业用户", "an enterprise user"));
    /** The case's locality (the enterprise's 县区/开发区). */
    public static final TaskRole LOCALITY = new TaskRole(Kind.LOCALITY, null, Label.of("案件属地单位", "the case's locality"));
    /** The unit of this city-review instance, which must be one of the case's recorded reviewing units. */
    public static final TaskRole CITY_UNIT = new TaskRole(Kind.CITY_UNIT, null, Label.of("本案的市级审核单位", "the case's reviewing unit of this review"));
    /** The case's finance unit (DMN responsible-units). */
    public static final TaskRole FINANCE = new TaskRole(Kind.FINANCE, null, Label.of("本案的资金拨付单位", "the case's paying unit"));

    /**
     * The unit the case's own record names for this step (e.g. a demand's responsible unit), as answered by the
     * measure's {@link CaseUnitOfStep}; never a process variable.
     */
    public static final TaskRole CASE_UNIT = new TaskRole(Kind.CASE_UNIT, null, Label.of("案件记录中的办理单位", "the handling unit on the case's record"));

    private final Kind kind;
    private final String groupId;
    private final Label label;

    private TaskRole(Kind kind, String groupId, Label label) {
        this.kind = kind;
        this.groupId = groupId;
        this.label = label;
    }

    /** A fixed group, for steps that are not about one case (e.g. a settlement's payment batch). */
    public static TaskRole group(String groupId) {
        Objects.requireNonNull(groupId);
        return new TaskRole(Kind.GROUP, groupId, Label.of("单位 " + groupId, "unit " + groupId));
    }

    public Kind kind() { return kind; }
    public String groupId() { return groupId; }
    public Label label() { return label; }

    @Override
    public boolean equals(Object other) {
        return other instanceof TaskRole role && role.kind == kind && Objects.equals(role.groupId, groupId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, groupId);
    }

    @Override
    public String toString() {
        return kind == Kind.GROUP ? "GROUP(" + groupId + ")" : kind.name();
    }
}

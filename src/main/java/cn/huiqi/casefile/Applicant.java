package cn.huiqi.casefile;

import java.util.Objects;

import cn.huiqi.catalogue.ApplicantKind;

/**
 * Who applies: an enterprise, the owner of a project (an enterprise, for that project), or a locality unit.
 * The database CHECK {@code ck_case_applicant} holds the same rule as the constructor.
 */
public record Applicant(ApplicantKind kind, Long enterpriseId, Long projectId, String unitId) {

    public Applicant {
        Objects.requireNonNull(kind, "kind");
        boolean valid = switch (kind) {
            case ENTERPRISE -> enterpriseId != null && projectId == null && unitId == null;
            case PROJECT_OWNER -> enterpriseId != null && projectId != null && unitId == null;
            case LOCALITY -> enterpriseId == null && projectId == null && unitId != null;
            case NONE -> false;
        };
        if (!valid) {
            throw new IllegalArgumentException("not a valid " + kind + " applicant: enterprise " + enterpriseId
                    + ", project " + projectId + ", unit " + unitId);
        }
    }

    public static Applicant enterprise(long enterpriseId) {
        return new Applicant(ApplicantKind.ENTERPRISE, enterpriseId, null, null);
    }

    public static Applicant projectOwner(long ownerEnterpriseId, long projectId) {
        return new Applicant(ApplicantKind.PROJECT_OWNER, ownerEnterpriseId, projectId, null);
    }

    public static Applicant locality(String unitId) {
        return new Applicant(ApplicantKind.LOCALITY, null, null, unitId);
    }

    /**
     * The applicant in the case's unique keys: {@code E:<enterprise id>} for an enterprise and for a project's
     * owner (the project is the case's subject, as it was), {@code U:<unit id>} for a locality.
     */
    public String key() {
        return kind == ApplicantKind.LOCALITY ? "U:" + unitId : "E:" + enterpriseId;
    }

    /** The enterprise that acts for this applicant, if it is one. */
    public boolean isEnterprise() {
        return enterpriseId != null;
    }
}

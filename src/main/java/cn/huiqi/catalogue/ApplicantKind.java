package cn.huiqi.catalogue;

/** Who applies under a measure. */
public enum ApplicantKind {
    /** an industrial enterprise (its own accounts or an authorised agent) */
    ENTERPRISE,
    /** the owner of a project in the project library (an enterprise, for that project) */
    PROJECT_OWNER,
    /** a locality unit (县区、开发区、湾里管理局); the money goes to its finance bureau */
    LOCALITY,
    /** nobody applies (e.g. measure 4's project library, measure 9's fulfilment figures) */
    NONE
}

package cn.huiqi.casefile;

import cn.huiqi.common.ConflictingInputException;

/** A second application for the same subject (measure 1: the enterprise itself, for the measure as a whole) by the same enterprise. */
public class DuplicateApplicationException extends ConflictingInputException {

    private final String existingCaseNumber;

    public DuplicateApplicationException(String field, String subjectLabelZh, String subjectLabelEn, String existingCaseNumber) {
        super(field, "该" + subjectLabelZh + "已提交过申请（案件编号 " + existingCaseNumber + "），不能重复申请",
                "An application for this " + subjectLabelEn + " already exists (case " + existingCaseNumber + ")");
        this.existingCaseNumber = existingCaseNumber;
    }

    public String getExistingCaseNumber() {
        return existingCaseNumber;
    }
}

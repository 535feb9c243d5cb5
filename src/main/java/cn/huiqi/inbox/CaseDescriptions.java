package cn.huiqi.inbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.ApplicantNames;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.common.Label;

/**
 * How a message names a case: its number, applicant and measure, nothing else of it (no figures, no person), so
 * a message never carries more than its recipient may see of that case.
 */
@Component
class CaseDescriptions {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ZH_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ApplicantNames applicantNames;
    private final MeasureCatalogue catalogue;

    CaseDescriptions(ApplicantNames applicantNames, MeasureCatalogue catalogue) {
        this.applicantNames = applicantNames;
        this.catalogue = catalogue;
    }

    /** "案件 M1-2023-000001（南昌洪都精密机械有限公司，M1 支持工业企业拓展国内国际市场）". */
    Label of(CaseRecord caseRecord) {
        String applicant = applicantNames.of(caseRecord.getApplicant()).name();
        Label measure = catalogue.find(caseRecord.getMeasure()).map(m -> m.name()).orElse(Label.of("", ""));
        String id = caseRecord.getMeasure();
        return Label.of("案件 " + caseRecord.getCaseNumber() + "（" + applicant + "，" + id + " " + measure.zh() + "）",
                "case " + caseRecord.getCaseNumber() + " (" + applicant + ", " + id + " " + measure.en() + ")");
    }

    /** A step's name "属地核实 / Locality verification" as its two labels (the same text twice when not bilingual). */
    static Label step(String name) {
        if (name == null || name.isBlank()) {
            return Label.of("办理步骤", "a step");
        }
        int slash = name.indexOf(" / ");
        return slash < 0 ? Label.of(name, name) : Label.of(name.substring(0, slash).strip(), name.substring(slash + 3).strip());
    }

    static Label day(Instant instant) {
        return instant == null ? Label.of("—", "—") : day(instant.atZone(CHINA).toLocalDate());
    }

    static Label day(java.time.LocalDate day) {
        return Label.of(day.format(ZH_DAY), day.toString());
    }
}

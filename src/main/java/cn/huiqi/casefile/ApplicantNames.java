package cn.huiqi.casefile;

import org.springframework.stereotype.Component;

import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.unit.UnitRepository;

/** How an applicant is named on pages and lists: an enterprise (also as a project's owner) by its register row, a locality by its unit. */
@Component
public class ApplicantNames {

    private final EnterpriseRepository enterprises;
    private final UnitRepository units;

    ApplicantNames(EnterpriseRepository enterprises, UnitRepository units) {
        this.enterprises = enterprises;
        this.units = units;
    }

    public CaseView.ApplicantRef of(Applicant applicant) {
        if (applicant.isEnterprise()) {
            Enterprise e = enterprises.findById(applicant.enterpriseId()).orElseThrow();
            return new CaseView.ApplicantRef(applicant.kind().name(), e.getName(), e.getUscc());
        }
        String name = units.findById(applicant.unitId()).map(u -> u.getNameZh()).orElse(applicant.unitId());
        return new CaseView.ApplicantRef(applicant.kind().name(), name, applicant.unitId());
    }
}

package cn.huiqi.financing;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseVisibility;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;

/** Who may act on a financing demand through the API: 404 for no such demand, 403 for one that is not theirs. */
@Component
class FinancingAccess {

    private final CaseRecordRepository cases;
    private final CaseVisibility visibility;
    private final EnterpriseRegister register;
    private final Institutions institutions;

    FinancingAccess(CaseRecordRepository cases, CaseVisibility visibility, EnterpriseRegister register, Institutions institutions) {
        this.cases = cases;
        this.visibility = visibility;
        this.register = register;
        this.institutions = institutions;
    }

    CaseRecord demandCase(String caseNumber) {
        return cases.findByCaseNumber(caseNumber).filter(c -> FinancingMeasure.ID.equals(c.getMeasure()))
                .orElseThrow(() -> notFound(caseNumber));
    }

    /** A demand the caller reads as the enterprise, its locality or a city reader (never as an institution). */
    CaseRecord readable(Caller caller, String caseNumber) {
        CaseRecord caseRecord = demandCase(caseNumber);
        if (!visibility.canRead(caller, caseRecord)) {
            throw new AccessDeniedException("financing demand " + caseNumber + " is not visible to " + caller.userId());
        }
        return caseRecord;
    }

    /** A demand the caller acts on for its enterprise (its own user or an agent). */
    CaseRecord enterprisesOwn(Caller caller, String caseNumber) {
        CaseRecord caseRecord = demandCase(caseNumber);
        if (!caller.isIn(Groups.ENTERPRISE) || !register.actsFor(caller.userId(), caseRecord.getEnterpriseId())) {
            throw new AccessDeniedException("only the enterprise acts on its financing demand " + caseNumber);
        }
        return caseRecord;
    }

    /** The active institution the caller works for; 403 for everyone else. */
    Institution institution(Caller caller) {
        return institutions.of(caller).orElseThrow(() -> new AccessDeniedException(caller.userId() + " works for no active institution"));
    }

    static NotFoundException notFound(String caseNumber) {
        return new NotFoundException("caseNumber", "融资需求 " + caseNumber + " 不存在", "Financing demand " + caseNumber + " does not exist");
    }
}

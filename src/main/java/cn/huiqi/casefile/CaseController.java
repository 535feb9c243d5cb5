package cn.huiqi.casefile;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;

/** Reading cases: each caller sees the cases of its own enterprise or unit (see {@link CaseVisibility}). */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

    private final CaseRecordRepository cases;
    private final CaseVisibility visibility;
    private final CaseViews views;
    private final CurrentCaller currentCaller;

    public CaseController(CaseRecordRepository cases, CaseVisibility visibility, CaseViews views, CurrentCaller currentCaller) {
        this.cases = cases;
        this.visibility = visibility;
        this.views = views;
        this.currentCaller = currentCaller;
    }

    /** {@code flagged=true}: only cases flagged for the lead bureau's decision (e.g. by a migration); false: only the others. */
    @GetMapping
    @Transactional(readOnly = true)
    public List<CaseView> list(@RequestParam(name = "flagged", required = false) String flagged) {
        if (flagged != null && !flagged.equals("true") && !flagged.equals("false")) {
            throw new InvalidInputException("flagged", "flagged 只能为 true 或 false", "flagged must be true or false");
        }
        return visibility.filter(currentCaller.get(), cases.findAllByOrderBySubmittedAtDesc()).stream()
                .filter(c -> flagged == null || (c.getFlag() != null) == flagged.equals("true"))
                .map(views::summary).toList();
    }

    @GetMapping("/{caseNumber}")
    @Transactional(readOnly = true)
    public CaseView get(@PathVariable String caseNumber) {
        return views.withTimeline(readable(caseNumber));
    }

    CaseRecord readable(String caseNumber) {
        CaseRecord caseRecord = cases.getByCaseNumber(caseNumber);
        Caller caller = currentCaller.get();
        if (!visibility.canRead(caller, caseRecord)) {
            throw new AccessDeniedException("case " + caseNumber + " is not visible to " + caller.userId());
        }
        return caseRecord;
    }
}

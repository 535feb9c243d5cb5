package cn.huiqi.casefile;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Appends who-did-what lines to a case; the actor is the authenticated user, or "system" for timers. A transaction's
 * lines are written together as it commits, or when the timeline is read ({@link CaseEventRepository}).
 */
@Component
public class CaseTimeline {

    public static final String SYSTEM = "system";

    private final CaseEventRepository events;
    private final CaseRecordRepository cases;
    private final IdentityService identityService;

    public CaseTimeline(CaseEventRepository events, CaseRecordRepository cases, IdentityService identityService) {
        this.events = events;
        this.cases = cases;
        this.identityService = identityService;
    }

    public void record(CaseRecord caseRecord, String action, String detail) {
        events.append(new CaseEvent(caseRecord.getId(), currentActor(), action, detail));
    }

    /** Writes the lines the current transaction has recorded so far: before SQL of one's own that reads case_event. */
    public void writeQueued() {
        events.writeQueued();
    }

    /** The case's lines in order; of a case this transaction opened, the lines it recorded (no statement). */
    public List<CaseEvent> of(CaseRecord caseRecord) {
        return cases.insertedInThisTransaction(caseRecord) ? events.appendedHere(caseRecord.getId())
                : events.findByCaseIdOrderByOccurredAtAscIdAsc(caseRecord.getId());
    }

    public String currentActor() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }
}

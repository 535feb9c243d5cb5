package cn.huiqi.evaluation;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.identity.Caller;

/**
 * 复核申请: during the 复核 window after the ranking is circulated, a locality asks gxj to recheck its own figures or
 * score. Another locality's unit is refused like any act for a unit the caller is not. gxj decides the open requests
 * in the process's task "处理复核申请" after the window.
 */
@Service
class ReviewRequests {

    record FileRequest(String unit, String reason) {
    }

    record RequestView(long id, String unit, String reason, String status, String filedBy, Instant filedAt, String handledBy,
                       Instant handledAt, String answer) {
    }

    private final EvaluationAccess access;
    private final EvaluationRounds rounds;
    private final EvaluationStore store;
    private final RoundProcessStore processStore;

    ReviewRequests(EvaluationAccess access, EvaluationRounds rounds, EvaluationStore store, RoundProcessStore processStore) {
        this.access = access;
        this.rounds = rounds;
        this.store = store;
        this.processStore = processStore;
    }

    @Transactional
    RequestView file(long roundId, FileRequest request) {
        Caller caller = access.locality();
        FieldChecks checks = new FieldChecks();
        String unit = checks.requiredText("unit", request == null ? null : request.unit(), "地区", "Locality", 32);
        String reason = checks.requiredText("reason", request == null ? null : request.reason(), "复核理由", "Reason", 1000);
        checks.throwIfAny();
        if (!access.ownLocalities(caller).contains(unit)) {
            throw EvaluationAccess.refused(caller, "file a review request for " + unit);
        }
        EvaluationStore.Round round = rounds.lock(roundId);
        RoundProcessStore.ProcessState state = processStore.state(roundId);
        Instant now = EvaluationRounds.now();
        if (round.status() != EvaluationStatus.CIRCULATED || state.reviewDue() == null || !now.isBefore(state.reviewDue())) {
            throw new ConflictException("status", "本轮不在复核期内，不能申请复核", "The round is not in its review window");
        }
        long id = processStore.fileRequest(roundId, unit, reason, caller.userId(), now);
        store.event(roundId, unit, null, "REVIEW_REQUESTED", null, null, "地区申请复核 / Review requested by the locality", reason,
                caller.userId(), now);
        return view(processStore.requests(roundId).stream().filter(r -> r.id() == id).findFirst().orElseThrow());
    }

    /** gxj, tjj, policy staff and auditors see every request; a locality its own. */
    @Transactional(readOnly = true)
    List<RequestView> list(long roundId) {
        Caller caller = access.reader();
        rounds.find(roundId);
        boolean all = EvaluationAccess.readsAll(caller);
        List<String> own = access.ownLocalities(caller);
        return processStore.requests(roundId).stream().filter(r -> all || own.contains(r.unit())).map(ReviewRequests::view).toList();
    }

    private static RequestView view(RoundProcessStore.ReviewRequest r) {
        return new RequestView(r.id(), r.unit(), r.reason(), r.status(), r.filedBy(), r.filedAt(), r.handledBy(), r.handledAt(), r.answer());
    }
}

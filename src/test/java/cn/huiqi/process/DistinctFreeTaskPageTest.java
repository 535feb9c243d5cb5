package cn.huiqi.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.Test;

/** Which task queries may be paged without "distinct" (docs/performance.md, "Task lists"). */
class DistinctFreeTaskPageTest {

    @Test
    void oneCandidateGroupNeedsNoDistinct() {
        assertThat(DistinctFreeTaskPage.holdsFor(MemberTaskQueries.member(new TaskQueryImpl().taskCandidateGroup("donghu")))).isTrue();
        assertThat(DistinctFreeTaskPage.holdsFor(MemberTaskQueries.member(new TaskQueryImpl().taskCandidateGroupIn(List.of("donghu"))))).isTrue();
        assertThat(DistinctFreeTaskPage.holdsFor((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("donghu").orderByTaskCreateTime().desc()))
                .as("no authorization check (an administrator)").isTrue();
        assertThat(DistinctFreeTaskPage.holdsFor(MemberTaskQueries.member(new TaskQueryImpl().taskAssignee("someone")))).as("no link joined").isTrue();
    }

    @Test
    void whatCanRepeatATaskKeepsTheEnginesDistinct() {
        assertThat(DistinctFreeTaskPage.holdsFor(MemberTaskQueries.member(new TaskQueryImpl().taskCandidateGroupIn(List.of("donghu", "xihu")))))
                .as("a task linked to two of the groups").isFalse();
        assertThat(DistinctFreeTaskPage.holdsFor(MemberTaskQueries.member(new TaskQueryImpl().taskCandidateUser("someone")))).isFalse();
        assertThat(DistinctFreeTaskPage.holdsFor(MemberTaskQueries.member(new TaskQueryImpl().taskInvolvedUser("someone")))).isFalse();
        assertThat(DistinctFreeTaskPage.holdsFor(MemberTaskQueries.member(new TaskQueryImpl().taskCandidateGroupLike("dong%")))).isFalse();
        assertThat(DistinctFreeTaskPage.holdsFor(MemberTaskQueries.member(new TaskQueryImpl().withCandidateGroups()))).isFalse();
        assertThat(DistinctFreeTaskPage.holdsFor(MemberTaskQueries.member(new TaskQueryImpl().taskCandidateGroup("donghu")
                .or().taskAssignee("someone").taskName("x").endOr()))).as("an or query").isFalse();
        assertThat(DistinctFreeTaskPage.holdsFor(MemberTaskQueries.member(new TaskQueryImpl().taskCandidateGroup("donghu")
                .orderByProcessVariable("caseNumber", ValueType.STRING).asc()))).as("a sort by a variable").isFalse();

        TaskQueryImpl joinForm = MemberTaskQueries.member(new TaskQueryImpl().taskCandidateGroup("donghu"));
        CompositePermissionCheck update = new CompositePermissionCheck(false);
        update.addAtomicCheck(MemberTaskQueries.atomic(Resources.TASK, "RES.ID_", Permissions.UPDATE));
        joinForm.getAuthCheck().getPermissionChecks().addCompositeCheck(update);
        assertThat(DistinctFreeTaskPage.holdsFor(joinForm)).as("authorization as the engine's join (revokes not checked, "
                + "a check the subqueries do not write)").isFalse();

        TaskQueryImpl revoked = MemberTaskQueries.member(new TaskQueryImpl().taskCandidateGroup("donghu"));
        revoked.getAuthCheck().setRevokeAuthorizationCheckEnabled(true);
        assertThat(DistinctFreeTaskPage.holdsFor(revoked)).as("a REVOKE applies: the engine's CASE chain, no join").isTrue();
    }
}

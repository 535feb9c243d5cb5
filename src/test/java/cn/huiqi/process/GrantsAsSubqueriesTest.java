package cn.huiqi.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.junit.jupiter.api.Test;

class GrantsAsSubqueriesTest {

    @Test
    void aMembersTaskQueryWithoutARevokeHasItsGrantsCheckedAsSubqueries() {
        TaskQueryImpl query = MemberTaskQueries.member(new TaskQueryImpl().taskCandidateGroup("donghu"));
        assertThat(GrantsAsSubqueries.applyTo(query)).isTrue();

        AuthorizationCheck off = GrantsAsSubqueries.withoutEnginesCheck(query.getAuthCheck());
        assertThat(off.getShouldPerformAuthorizatioCheck()).as("as the mappings ask it").isFalse();
        assertThat(off.getAuthUserId()).isEqualTo("queue-donghu");
        assertThat(query.getAuthCheck().getShouldPerformAuthorizatioCheck()).as("the query's own check untouched").isTrue();
    }

    @Test
    void otherwiseTheEnginesStatementRunsUnchanged() {
        TaskQueryImpl admin = new TaskQueryImpl().taskCandidateGroup("donghu");
        assertThat(GrantsAsSubqueries.applyTo(admin)).as("no check (an administrator)").isFalse();

        TaskQueryImpl revoked = MemberTaskQueries.member(new TaskQueryImpl().taskCandidateGroup("donghu"));
        revoked.getAuthCheck().setRevokeAuthorizationCheckEnabled(true);
        assertThat(GrantsAsSubqueries.applyTo(revoked)).as("a REVOKE applies: the engine's CASE chain").isFalse();

        TaskQueryImpl composite = MemberTaskQueries.member(new TaskQueryImpl().taskCandidateGroup("donghu"));
        CompositePermissionCheck update = new CompositePermissionCheck(false);
        update.addAtomicCheck(MemberTaskQueries.atomic(Resources.TASK, "RES.ID_", Permissions.UPDATE));
        composite.getAuthCheck().getPermissionChecks().addCompositeCheck(update);
        assertThat(GrantsAsSubqueries.applyTo(composite)).as("composite checks").isFalse();
    }

    @Test
    void theUnitsPerTaskGrantsAreTakenApartOnlyForTheEnginesTaskCheckByACallerInAGroup() {
        TaskQueryImpl member = MemberTaskQueries.member(new TaskQueryImpl().taskCandidateGroup("donghu"));
        assertThat(GrantsAsSubqueries.groupTaskGrantPerms(member)).as("READ on the task").isEqualTo(Permissions.READ.getValue());

        TaskQueryImpl noGroup = MemberTaskQueries.member(new TaskQueryImpl().taskCandidateGroup("donghu"));
        noGroup.getAuthCheck().setAuthGroupIds(java.util.List.of());
        assertThat(GrantsAsSubqueries.groupTaskGrantPerms(noGroup)).as("a caller in no group").isNull();

        TaskQueryImpl allOf = MemberTaskQueries.member(new TaskQueryImpl().taskCandidateGroup("donghu"));
        CompositePermissionCheck conjunctive = new CompositePermissionCheck(false);
        allOf.getAuthCheck().getPermissionChecks().getAtomicChecks().forEach(conjunctive::addAtomicCheck);
        allOf.getAuthCheck().setPermissionChecks(conjunctive);
        assertThat(GrantsAsSubqueries.groupTaskGrantPerms(allOf)).as("checks that must all hold").isNull();

        TaskQueryImpl revoked = MemberTaskQueries.member(new TaskQueryImpl().taskCandidateGroup("donghu"));
        revoked.getAuthCheck().setRevokeAuthorizationCheckEnabled(true);
        assertThat(GrantsAsSubqueries.groupTaskGrantPerms(revoked)).as("a REVOKE applies").isNull();
    }
}

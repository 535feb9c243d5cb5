package cn.huiqi.identity;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's built-in identity provider with the app's login policy ({@link LoginLockout}) in place of
 * Camunda's own throttling: every password check of the engine (IdentityService.checkPassword, which the
 * app's Basic auth, the sign-in page, Camunda's webapp login and /engine-rest/identity/verify all use)
 * passes here. Camunda's exponential delays and its permanent lock after loginMaxAttempts are never
 * reached, because its lockUser is no longer called; its ATTEMPTS_/LOCK_EXP_TIME_ columns stay unused.
 * Changes to users, groups and memberships are written to the security log with the administrator who
 * made them.
 */
class LockoutIdentityProvider extends DbIdentityServiceProvider {

    private final LoginLockout lockout;

    LockoutIdentityProvider(LoginLockout lockout) {
        this.lockout = lockout;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return lockout.groupsIfCorrect(userId, password, Context.getProcessEngineConfiguration().getPasswordManager()).isPresent();
    }

    @Override
    public IdentityOperationResult unlockUser(String userId) {
        lockout.unlock(userId, actor());
        return super.unlockUser(userId);
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
        boolean created = ((UserEntity) user).getRevision() == 0;
        IdentityOperationResult result = super.saveUser(user);
        SecurityLog.event(created ? "USER_CREATED" : "USER_UPDATED", user.getId(), "actor=" + actor());
        return result;
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        IdentityOperationResult result = super.deleteUser(userId);
        SecurityLog.event("USER_DELETED", userId, "actor=" + actor());
        return result;
    }

    @Override
    public IdentityOperationResult saveGroup(Group group) {
        IdentityOperationResult result = super.saveGroup(group);
        SecurityLog.event("GROUP_SAVED", group.getId(), "actor=" + actor());
        return result;
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
        IdentityOperationResult result = super.deleteGroup(groupId);
        SecurityLog.event("GROUP_DELETED", groupId, "actor=" + actor());
        return result;
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        IdentityOperationResult result = super.createMembership(userId, groupId);
        SecurityLog.event("MEMBERSHIP_CREATED", userId, "group=" + groupId + " actor=" + actor());
        return result;
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        IdentityOperationResult result = super.deleteMembership(userId, groupId);
        SecurityLog.event("MEMBERSHIP_DELETED", userId, "group=" + groupId + " actor=" + actor());
        return result;
    }

    private static String actor() {
        Authentication current = Context.getCommandContext() == null ? null
                : Context.getCommandContext().getAuthentication();
        return current == null ? "system" : current.getUserId();
    }
}

package cn.huiqi.enterprise;

import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.huiqi.common.FieldChecks;
import cn.huiqi.identity.Groups;

/**
 * Which logins may act for an enterprise at all: existing users (per the identity service in use: the
 * built-in one, or Keycloak through its plugin) that are in group {@code enterprise} and in no other
 * group. A staff account (any unit or role group) never becomes an applicant.
 */
@Component
class ApplicantAccounts {

    /** The engine's user id whitelist (application.yml, userResourceWhitelistPattern). */
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.@-]{0,63}");

    private final IdentityService identityService;

    ApplicantAccounts(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The trimmed user id if it names an enterprise-only account, else null after recording why not. */
    String enterpriseAccount(FieldChecks checks, String field, Object raw) {
        String userId = checks.requiredText(field, raw, "用户账号", "User id", 64);
        if (userId == null) {
            return null;
        }
        if (!USER_ID.matcher(userId).matches()) {
            checks.add(field, "用户账号“" + userId + "”格式无效：只能含字母、数字和 _ . @ -，且以字母或数字开头",
                    "User id \"" + userId + "\" is malformed: letters, digits and _ . @ - only, starting with a letter or digit");
            return null;
        }
        List<String> groups = groupsOfExistingUser(userId);
        if (groups == null) {
            checks.add(field, "账号 " + userId + " 不存在", "There is no account " + userId);
            return null;
        }
        if (!groups.contains(Groups.ENTERPRISE)) {
            checks.add(field, "账号 " + userId + " 不是企业用户（不在 enterprise 组），不能代表企业",
                    "Account " + userId + " is not an enterprise user (not in group enterprise) and cannot act for an enterprise");
            return null;
        }
        if (groups.size() > 1) {
            List<String> staffGroups = groups.stream().filter(g -> !Groups.ENTERPRISE.equals(g)).toList();
            checks.add(field, "账号 " + userId + " 属于工作人员组 " + staffGroups + "，工作人员账号不能成为企业申请人",
                    "Account " + userId + " is in the staff groups " + staffGroups + "; a staff account can never act for an enterprise");
            return null;
        }
        return userId;
    }

    /** True for a caller that is in group enterprise and nothing else. */
    static boolean isEnterpriseOnly(List<String> groupIds) {
        return groupIds.size() == 1 && groupIds.contains(Groups.ENTERPRISE);
    }

    /**
     * The user's groups, or null if the identity service has no such user. Asked without the caller's
     * authentication: the engine would otherwise hide users the caller may not read.
     */
    private List<String> groupsOfExistingUser(String userId) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            if (identityService.createUserQuery().userId(userId).count() == 0) {
                return null;
            }
            return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}

package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

@IdentityIntegrationTest
class DemoIdentitySeederTest {

    @Autowired
    DemoIdentitySeeder seeder;
    @Autowired
    IdentityService identityService;
    @Autowired
    UnitRepository units;
    @Autowired
    AuthorizationGrants grants;
    @Autowired
    AuthorizationService authorizationService;

    @Test
    void seedingAgainChangesNothing() {
        long users = identityService.createUserQuery().count();
        long groups = identityService.createGroupQuery().count();
        long memberships = DemoAccounts.USER_IDS.stream()
                .mapToLong(id -> identityService.createGroupQuery().groupMember(id).count()).sum();

        seeder.seed();
        seeder.seed();

        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
        assertThat(DemoAccounts.USER_IDS.stream()
                .mapToLong(id -> identityService.createGroupQuery().groupMember(id).count()).sum())
                .isEqualTo(memberships).isEqualTo(DemoAccounts.ALL.size());
    }

    /**
     * A Keycloak-profile run on the same database (README: both use ./data/huiqi) grants a unit group's members READ
     * on the group itself, a group the built-in identity does not have yet; creating the group then must reuse that
     * grant, not insert a second one (ACT_UNIQ_AUTH_GROUP).
     */
    @Test
    void seedingAGroupKeepsTheGrantAKeycloakRunLeftOnIt() {
        String unit = "donghu";
        identityService.deleteGroup(unit); // with its memberships and the grants on it; the seeding adds them back
        grants.grantGroup(unit, Resources.GROUP, unit, Permissions.READ); // AuthorizationSetup, read-only identity

        seeder.seed();

        assertThat(identityService.createUserQuery().memberOfGroup(unit).count()).isPositive();
        List<Authorization> onTheGroup = authorizationService.createAuthorizationQuery()
                .resourceType(Resources.GROUP).resourceId(unit).list();
        assertThat(onTheGroup).singleElement().satisfies(grant -> {
            assertThat(grant.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT);
            assertThat(grant.getGroupId()).isEqualTo(unit);
            assertThat(grant.getUserId()).isNull();
            assertThat(grant.getPermissions(Permissions.values())).containsOnly(Permissions.NONE, Permissions.READ); // NONE: always
        });
    }

    @Test
    void everyDemoUserExistsWithAChineseNameInItsGroup() {
        for (DemoAccount account : DemoAccounts.ALL) {
            User user = identityService.createUserQuery().userId(account.userId()).singleResult();
            assertThat(user).as(account.userId()).isNotNull();
            assertThat(user.getFirstName()).isEqualTo(account.firstName());
            assertThat(identityService.createUserQuery().userId(account.userId()).memberOfGroup(account.groupId()).count())
                    .as(account.userId() + " in " + account.groupId()).isEqualTo(1);
        }
    }

    @Test
    void everyUnitIsAGroupNamedInChineseAndEveryLocalityHasAVerifier() {
        for (Unit unit : units.findAllByOrderBySortOrder()) {
            Group group = identityService.createGroupQuery().groupId(unit.getId()).singleResult();
            assertThat(group).as(unit.getId()).isNotNull();
            assertThat(group.getName()).isEqualTo(unit.getNameZh());
            assertThat(group.getType()).isEqualTo(DemoIdentitySeeder.UNIT_GROUP_TYPE);
            String expectedUser = unit.isLocality() ? unit.getId() + "-verifier" : null;
            assertThat(DemoAccounts.ALL).as("a demo account of " + unit.getId()).anySatisfy(account -> {
                assertThat(account.groupId()).isEqualTo(unit.getId());
                if (expectedUser != null) {
                    assertThat(account.userId()).isEqualTo(expectedUser);
                }
            });
        }
        assertThat(units.findByKindOrderBySortOrder(Unit.Kind.LOCALITY)).hasSize(13);
    }

    @Test
    void theRoleGroupsExist() {
        assertThat(identityService.createGroupQuery().groupIdIn(Groups.POLICY_ADMIN, Groups.ENTERPRISE, Groups.CAMUNDA_ADMIN)
                .list()).extracting(Group::getName).containsExactlyInAnyOrder("政策管理", "企业用户", "系统管理员");
    }

    @Test
    void everyDemoAccountOpensWithTheDemoPassword() {
        assertThat(identityService.checkPassword("ent-jixiang", DemoAccounts.PASSWORD)).isTrue();
        assertThat(identityService.checkPassword("policy-staff", DemoAccounts.PASSWORD)).isTrue();
    }
}

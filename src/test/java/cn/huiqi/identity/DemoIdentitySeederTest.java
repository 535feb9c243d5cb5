package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
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

package cn.huiqi.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * Quick start only: fills Camunda's built-in identity with one group per unit (financial institutions included), the role groups and the
 * demo logins of {@link DemoAccounts}. Skips whatever already exists, so restarts (and staff edits in
 * Camunda Admin) are left alone.
 */
@Component
@ConditionalOnProperty(name = "huiqi.demo-accounts", havingValue = "true")
class DemoIdentitySeeder implements SmartInitializingSingleton {

    static final String UNIT_GROUP_TYPE = "UNIT";
    static final String INSTITUTION_GROUP_TYPE = "INSTITUTION";
    static final String ROLE_GROUP_TYPE = "ROLE";
    static final String SYSTEM_GROUP_TYPE = "SYSTEM";

    private static final Logger log = LoggerFactory.getLogger(DemoIdentitySeeder.class);

    private final IdentityService identityService;
    private final UnitRepository units;
    private final TransactionTemplate transaction;

    public DemoIdentitySeeder(IdentityService identityService, UnitRepository units, TransactionTemplate transaction) {
        this.identityService = identityService;
        this.units = units;
        this.transaction = transaction;
    }

    /** Runs once all beans (engine, Flyway, JPA) exist and before the web server accepts requests. */
    @Override
    public void afterSingletonsInstantiated() {
        seed();
    }

    /** In one transaction (the engine's commands join it): one commit instead of one per group, user and membership. */
    public void seed() {
        transaction.executeWithoutResult(status -> seedGroupsAndUsers());
    }

    private void seedGroupsAndUsers() {
        for (Unit unit : units.findAllByOrderBySortOrder()) {
            ensureGroup(unit.getId(), unit.getNameZh(), UNIT_GROUP_TYPE);
        }
        for (Unit institution : units.findByKindOrderBySortOrder(Unit.Kind.INSTITUTION)) {
            ensureGroup(institution.getId(), institution.getNameZh(), INSTITUTION_GROUP_TYPE);
        }
        ensureGroup(Groups.POLICY_ADMIN, "政策管理", ROLE_GROUP_TYPE);
        ensureGroup(Groups.ENTERPRISE, "企业用户", ROLE_GROUP_TYPE);
        ensureGroup(Groups.AUDITOR, "审计监督", ROLE_GROUP_TYPE);
        ensureGroup(Groups.LEADER, "市领导", ROLE_GROUP_TYPE);
        ensureGroup(Groups.CAMUNDA_ADMIN, "系统管理员", SYSTEM_GROUP_TYPE);

        for (DemoAccount account : DemoAccounts.ALL) {
            ensureUser(account);
            ensureMembership(account.userId(), account.groupId());
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
        log.info("Created demo group {} ({})", id, name);
    }

    private void ensureUser(DemoAccount account) {
        if (identityService.createUserQuery().userId(account.userId()).count() > 0) {
            return;
        }
        User user = identityService.newUser(account.userId());
        user.setFirstName(account.firstName());
        user.setLastName(account.lastName());
        user.setPassword(DemoAccounts.PASSWORD);
        identityService.saveUser(user);
        log.info("Created demo user {} (password \"{}\")", account.userId(), DemoAccounts.PASSWORD);
    }

    private void ensureMembership(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }
}

package cn.huiqi.enterprise;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;

/**
 * 经办人授权: an enterprise's own account (a login bound to it) grants another enterprise login the right
 * to apply and provide supplements for it, and revokes it. Administrators, policy staff and auditors
 * may read the record; nobody but the enterprise's own account grants or revokes.
 */
@Service
class AgentAuthorisations {

    private final EnterpriseRegister register;
    private final AgentAuthorisationRepository agents;
    private final ApplicantAccounts accounts;
    private final ApplicationEventPublisher events;

    AgentAuthorisations(EnterpriseRegister register, AgentAuthorisationRepository agents, ApplicantAccounts accounts,
                        ApplicationEventPublisher events) {
        this.register = register;
        this.agents = agents;
        this.accounts = accounts;
        this.events = events;
    }

    @Transactional(readOnly = true)
    List<AgentAuthorisation> list(Caller caller, Enterprise enterprise) {
        if (!caller.isInAny(Groups.CAMUNDA_ADMIN, Groups.POLICY_ADMIN, Groups.AUDITOR)) {
            requireOwnAccount(caller, enterprise);
        }
        return agents.findByEnterpriseIdOrderByGrantedAtDescIdDesc(enterprise.getId());
    }

    @Transactional
    AgentAuthorisation grant(Caller caller, Enterprise enterprise, String rawUserId, String rawValidUntil) {
        requireOwnAccount(caller, enterprise);
        FieldChecks checks = new FieldChecks();
        String agent = accounts.enterpriseAccount(checks, "userId", rawUserId);
        LocalDate validUntil = lastDay(checks, rawValidUntil);
        checks.throwIfAny();
        if (register.ownEnterpriseOf(agent).filter(enterprise.getId()::equals).isPresent()) {
            throw new ConflictException("userId", "账号 " + agent + " 本身就是该企业的账号，无需授权",
                    "Account " + agent + " is already one of the enterprise's own accounts");
        }
        LocalDate today = LocalDate.now(EnterpriseRegister.CHINA);
        if (agents.findByUserIdAndEnterpriseIdAndRevokedAtIsNull(agent, enterprise.getId()).stream()
                .anyMatch(a -> a.isInForceOn(today))) {
            throw new ConflictException("userId", "账号 " + agent + " 已有有效的经办人授权；如需修改期限请先撤销",
                    "Account " + agent + " already holds an authorisation in force; revoke it first to change it");
        }
        return agents.insert(new AgentAuthorisation(enterprise.getId(), agent, caller.userId(), validUntil));
    }

    /** Revokes every unrevoked authorisation of the agent for the enterprise; effective at once. */
    @Transactional
    AgentAuthorisation revoke(Caller caller, Enterprise enterprise, String agentUserId) {
        requireOwnAccount(caller, enterprise);
        List<AgentAuthorisation> open = agents.findByUserIdAndEnterpriseIdAndRevokedAtIsNull(agentUserId, enterprise.getId());
        if (open.isEmpty()) {
            throw new NotFoundException("userId", "账号 " + agentUserId + " 没有未撤销的经办人授权",
                    "Account " + agentUserId + " holds no unrevoked authorisation for this enterprise");
        }
        open.forEach(a -> a.revoke(caller.userId()));
        agents.revoke(open);
        events.publishEvent(new AgentRevoked(enterprise.getId(), agentUserId, caller.userId()));
        return open.get(0);
    }

    private void requireOwnAccount(Caller caller, Enterprise enterprise) {
        boolean own = ApplicantAccounts.isEnterpriseOnly(caller.groupIds())
                && register.ownEnterpriseOf(caller.userId()).filter(enterprise.getId()::equals).isPresent();
        if (!own) {
            throw new AccessDeniedException(caller.userId() + " is not an own account of enterprise " + enterprise.getId());
        }
    }

    private static LocalDate lastDay(FieldChecks checks, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            if (!raw.strip().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", raw, 0);
            }
            day = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            checks.add("validUntil", "授权截止日期应为 YYYY-MM-DD 格式的日期", "validUntil must be a date YYYY-MM-DD");
            return null;
        }
        if (day.isBefore(LocalDate.now(EnterpriseRegister.CHINA))) {
            checks.add("validUntil", "授权截止日期不能早于今天", "validUntil may not be in the past");
            return null;
        }
        return day;
    }
}

package cn.huiqi.enterprise;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.common.NotFoundException;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.identity.Groups;

/** The enterprise register. Administrators and policy staff register; each unit reads its own. */
@RestController
@RequestMapping("/api/enterprises")
class EnterpriseController {

    public record EnterpriseUserBinding(String userId) {
    }

    /** validUntil: the last day (YYYY-MM-DD) of the authorisation, or absent for no end. */
    public record AgentGrant(String userId, String validUntil) {
    }

    private final EnterpriseRegister register;
    private final AgentAuthorisations agents;
    private final EnterpriseRepository enterprises;
    private final CurrentCaller currentCaller;

    EnterpriseController(EnterpriseRegister register, AgentAuthorisations agents, EnterpriseRepository enterprises,
                         CurrentCaller currentCaller) {
        this.register = register;
        this.agents = agents;
        this.enterprises = enterprises;
        this.currentCaller = currentCaller;
    }

    @GetMapping
    @Transactional(readOnly = true)
    public List<Enterprise> list() {
        Caller caller = currentCaller.get();
        if (isRegistrar(caller)) {
            return enterprises.findAll();
        }
        if (caller.isIn(Groups.ENTERPRISE)) {
            // its own enterprise first, then those it is an authorised agent of
            return register.actedForBy(caller.userId());
        }
        return caller.groupIds().stream().flatMap(g -> enterprises.findByLocalityUnitIdOrderByName(g).stream()).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Enterprise create(@RequestBody EnterpriseRegister.Registration registration) {
        requireRegistrar();
        return register.register(registration);
    }

    @PostMapping("/{id}/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public EnterpriseUser bindUser(@PathVariable long id, @RequestBody EnterpriseUserBinding binding) {
        requireRegistrar();
        return register.bind(enterprise(id), binding == null ? null : binding.userId());
    }

    /** 经办人授权 of the enterprise, newest first, revoked ones included (its own accounts, administrators, policy staff, auditors). */
    @GetMapping("/{id}/agents")
    public List<AgentAuthorisation> agents(@PathVariable long id) {
        return agents.list(currentCaller.get(), enterprise(id));
    }

    /** The enterprise's own account authorises another enterprise login to apply and supplement for it. */
    @PostMapping("/{id}/agents")
    @ResponseStatus(HttpStatus.CREATED)
    public AgentAuthorisation grantAgent(@PathVariable long id, @RequestBody AgentGrant grant) {
        return agents.grant(currentCaller.get(), enterprise(id), grant == null ? null : grant.userId(),
                grant == null ? null : grant.validUntil());
    }

    /** The enterprise's own account revokes an agent; recorded, and effective at once. */
    @DeleteMapping("/{id}/agents/{userId}")
    public AgentAuthorisation revokeAgent(@PathVariable long id, @PathVariable String userId) {
        return agents.revoke(currentCaller.get(), enterprise(id), userId);
    }

    private Enterprise enterprise(long id) {
        return enterprises.findById(id)
                .orElseThrow(() -> new NotFoundException("id", "企业 " + id + " 不存在", "Enterprise " + id + " does not exist"));
    }

    private void requireRegistrar() {
        Caller caller = currentCaller.get();
        if (!isRegistrar(caller)) {
            throw new AccessDeniedException(caller.userId() + " may not register enterprises");
        }
    }

    private static boolean isRegistrar(Caller caller) {
        return caller.isInAny(Groups.CAMUNDA_ADMIN, Groups.POLICY_ADMIN);
    }
}

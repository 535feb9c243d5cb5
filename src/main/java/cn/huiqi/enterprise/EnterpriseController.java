package cn.huiqi.enterprise;

import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
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
public class EnterpriseController {

    public record EnterpriseUserBinding(String userId) {
    }

    private final EnterpriseRegister register;
    private final EnterpriseRepository enterprises;
    private final EnterpriseUserRepository enterpriseUsers;
    private final CurrentCaller currentCaller;

    public EnterpriseController(EnterpriseRegister register, EnterpriseRepository enterprises,
                                EnterpriseUserRepository enterpriseUsers, CurrentCaller currentCaller) {
        this.register = register;
        this.enterprises = enterprises;
        this.enterpriseUsers = enterpriseUsers;
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
            return enterpriseUsers.findById(caller.userId()).flatMap(b -> enterprises.findById(b.getEnterpriseId()))
                    .map(List::of).orElse(List.of());
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
    public EnterpriseUser bindUser(@PathVariable Long id, @RequestBody EnterpriseUserBinding binding) {
        requireRegistrar();
        Enterprise enterprise = enterprises.findById(id)
                .orElseThrow(() -> new NotFoundException("id", "企业 " + id + " 不存在", "Enterprise " + id + " does not exist"));
        return register.bind(enterprise, binding == null ? null : binding.userId());
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

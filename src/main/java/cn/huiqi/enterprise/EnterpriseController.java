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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.ListPaging;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.identity.Groups;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

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
    private final EnterpriseList enterpriseList;
    private final CurrentCaller currentCaller;
    private final UnitRepository units;

    EnterpriseController(EnterpriseRegister register, AgentAuthorisations agents, EnterpriseRepository enterprises,
                         EnterpriseList enterpriseList, CurrentCaller currentCaller, UnitRepository units) {
        this.enterpriseList = enterpriseList;
        this.units = units;
        this.register = register;
        this.agents = agents;
        this.enterprises = enterprises;
        this.currentCaller = currentCaller;
    }

    /** By name by default; {@link EnterpriseList#SORT_COLUMNS} maps each key to its column. */
    private static final ListPaging.Sorts SORTS = ListPaging.Sorts.of(List.of("name", "id", "uscc", "createdAt"),
            List.of("createdAt"));

    /**
     * A page of the enterprises the caller may read (default deny): administrators and policy staff all; an
     * enterprise user those it acts for (its own and those it is an authorised agent of); a locality its own
     * locality's; nobody else any. Filters narrow that: {@code name} (a fragment), {@code locality}.
     */
    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "企业名录（分页；按名称片段、属地筛选；按名称、编号、统一社会信用代码、登记时间排序）"
            + " / Enterprises, paged; filter by name (a fragment), locality; sort by name, id, uscc, createdAt")
    public ListPaging.Page<Enterprise> list(@RequestParam(name = "name", required = false) String name,
                                            @RequestParam(name = "locality", required = false) String locality,
                                            @RequestParam(name = "sort", required = false) String sort,
                                            @RequestParam(name = "order", required = false) String order,
                                            @RequestParam(name = "page", required = false) String page,
                                            @RequestParam(name = "size", required = false) String size) {
        FieldChecks checks = new FieldChecks();
        String fragment = ListPaging.blankToNull(name) == null ? null
                : checks.requiredText("name", name, "企业名称", "The enterprise name", 100);
        String localityId = ListPaging.blankToNull(locality);
        if (localityId != null && units.findById(localityId).filter(Unit::isLocality).isEmpty()) {
            checks.add("locality", "没有属地单位 " + ListPaging.shown(localityId), "There is no locality unit " + ListPaging.shown(localityId));
        }
        ListPaging paging = ListPaging.check(checks, SORTS, page, size, sort, order);
        checks.throwIfAny();
        Caller caller = currentCaller.get();
        EnterpriseList.Scope scope;
        if (isRegistrar(caller)) {
            scope = EnterpriseList.Scope.ALL;
        } else if (caller.isIn(Groups.ENTERPRISE)) {
            scope = EnterpriseList.Scope.ids(register.actedForBy(caller.userId()).stream().map(Enterprise::getId).toList());
        } else {
            scope = EnterpriseList.Scope.localities(
                    units.findAllById(caller.groupIds()).stream().filter(Unit::isLocality).map(Unit::getId).toList());
        }
        return enterpriseList.find(scope, fragment, localityId, paging);
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

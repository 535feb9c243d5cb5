package cn.huiqi.enterprise;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * Registers enterprises (USCC checked as GB 32100-2015 says), binds logins to them, and decides who may
 * act for an enterprise ({@link #actsFor}).
 */
@Service
public class EnterpriseRegister {

    /**
     * usccOverrideReason: an authorised officer's recorded reason to accept a pre-standard code whose
     * check character fails; length and alphabet are still enforced.
     */
    public record Registration(String uscc, String name, String localityUnitId, String contactName,
                               String contactPhone, String usccOverrideReason, String bankName, String bankAccount) {

        public Registration(String uscc, String name, String localityUnitId, String contactName, String contactPhone,
                            String usccOverrideReason) {
            this(uscc, name, localityUnitId, contactName, contactPhone, usccOverrideReason, null, null);
        }
    }

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final EnterpriseRepository enterprises;
    private final EnterpriseUserRepository enterpriseUsers;
    private final AgentAuthorisationRepository agents;
    private final ApplicantAccounts accounts;
    private final UnitRepository units;

    EnterpriseRegister(EnterpriseRepository enterprises, EnterpriseUserRepository enterpriseUsers,
                       AgentAuthorisationRepository agents, ApplicantAccounts accounts, UnitRepository units) {
        this.enterprises = enterprises;
        this.enterpriseUsers = enterpriseUsers;
        this.agents = agents;
        this.accounts = accounts;
        this.units = units;
    }

    /**
     * May this user act for this enterprise (apply, provide supplements, read its cases)? Yes for a login
     * bound to it (its own account) and for an agent with an authorisation in force today (经办人授权);
     * a revocation counts at once.
     */
    public boolean actsFor(String userId, Long enterpriseId) {
        if (userId == null || enterpriseId == null) {
            return false;
        }
        if (enterpriseUsers.findById(userId).filter(b -> enterpriseId.equals(b.getEnterpriseId())).isPresent()) {
            return true;
        }
        LocalDate today = LocalDate.now(CHINA);
        return agents.findByUserIdAndEnterpriseIdAndRevokedAtIsNull(userId, enterpriseId).stream()
                .anyMatch(a -> a.isInForceOn(today));
    }

    /**
     * Who answers for the enterprise on a step addressed to the applicant: the preferred user (the one who
     * applied) while it still acts for the enterprise, otherwise the enterprise's own account.
     */
    @Transactional(readOnly = true)
    public Optional<String> accountActingFor(Long enterpriseId, String preferredUserId) {
        if (actsFor(preferredUserId, enterpriseId)) {
            return Optional.of(preferredUserId);
        }
        return enterpriseUsers.findByEnterpriseIdOrderByUserId(enterpriseId).stream().map(EnterpriseUser::getUserId).findFirst();
    }

    /** The enterprises this user acts for: its own first, then those it is an agent of. */
    public List<Enterprise> actedForBy(String userId) {
        Set<Long> ids = new LinkedHashSet<>();
        enterpriseUsers.findById(userId).ifPresent(b -> ids.add(b.getEnterpriseId()));
        LocalDate today = LocalDate.now(CHINA);
        agents.findByUserIdAndRevokedAtIsNull(userId).stream().filter(a -> a.isInForceOn(today))
                .forEach(a -> ids.add(a.getEnterpriseId()));
        return ids.stream().map(enterprises::findById).flatMap(java.util.Optional::stream).toList();
    }

    /** The enterprise this login is bound to as one of the enterprise's own accounts, if any. */
    public java.util.Optional<Long> ownEnterpriseOf(String userId) {
        return enterpriseUsers.findById(userId).map(EnterpriseUser::getEnterpriseId);
    }

    /** The enterprise this login is bound to as one of its own accounts, if any. */
    public Optional<Enterprise> ownEnterprise(String userId) {
        return enterprises.findByOwnAccount(userId);
    }

    @Transactional
    public Enterprise register(Registration r) {
        if (r == null) {
            throw new InvalidInputException(null, "请求内容不能为空", "The request body is required");
        }
        FieldChecks checks = new FieldChecks();
        String overrideReason = r.usccOverrideReason() == null || r.usccOverrideReason().isBlank() ? null
                : checks.requiredText("usccOverrideReason", r.usccOverrideReason(), "校验码例外理由", "Override reason", 500);
        String uscc = null;
        try {
            uscc = overrideReason == null ? Uscc.normalize(r.uscc()) : Uscc.normalizeIgnoringCheck(r.uscc());
        } catch (InvalidInputException e) {
            e.getProblems().forEach(p -> checks.add(p.field(), p.zh(), p.en()));
        }
        String name = checks.requiredText("name", r.name(), "企业名称", "Enterprise name", 200);
        String locality = checks.requiredText("localityUnitId", r.localityUnitId(), "属地", "Locality", 32);
        if (locality != null && units.findById(locality).filter(Unit::isLocality).isEmpty()) {
            checks.add("localityUnitId", "属地 " + locality + " 不是本市的县区、开发区或湾里管理局",
                    "Locality " + locality + " is not one of the city's localities");
        }
        String contactName = checks.requiredText("contactName", r.contactName(), "联系人", "Contact name", 64);
        String contactPhone = checks.requiredText("contactPhone", r.contactPhone(), "联系电话", "Contact phone", 32);
        String bankName = r.bankName() == null || r.bankName().isBlank() ? null
                : checks.requiredText("bankName", r.bankName(), "开户银行", "Bank", 100);
        String bankAccount = r.bankAccount() == null || r.bankAccount().isBlank() ? null
                : checks.requiredText("bankAccount", r.bankAccount().replace(" ", ""), "银行账号", "Bank account", 40);
        if (bankAccount != null && !bankAccount.matches("[0-9]{8,32}")) {
            checks.add("bankAccount", "银行账号应为8至32位数字", "The bank account must be 8 to 32 digits");
        }
        checks.throwIfAny();
        if (enterprises.findByUscc(uscc).isPresent()) {
            throw new ConflictException("uscc", "统一社会信用代码 " + uscc + " 已登记", "USCC " + uscc + " is already registered");
        }
        Enterprise enterprise = new Enterprise(uscc, name, locality, contactName, contactPhone, overrideReason);
        enterprise.recordBankAccount(bankName, bankAccount);
        return enterprises.save(enterprise);
    }

    /**
     * Binds a login to the enterprise as one of its own accounts: only an existing account that is in group
     * enterprise and in no staff group.
     */
    @Transactional
    public EnterpriseUser bind(Enterprise enterprise, String rawUserId) {
        FieldChecks checks = new FieldChecks();
        String userId = accounts.enterpriseAccount(checks, "userId", rawUserId);
        checks.throwIfAny();
        Optional<EnterpriseUser> existing = enterpriseUsers.findById(userId);
        if (existing.isPresent() && !existing.get().getEnterpriseId().equals(enterprise.getId())) {
            throw new ConflictException("userId", "账号 " + userId + " 已绑定其他企业，一个账号只能绑定一家企业",
                    "Account " + userId + " is already bound to another enterprise; an account belongs to exactly one");
        }
        // bound to this enterprise already: nothing to write
        return existing.orElseGet(() -> enterpriseUsers.insert(new EnterpriseUser(userId, enterprise.getId())));
    }
}

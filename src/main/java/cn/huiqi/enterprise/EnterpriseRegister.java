package cn.huiqi.enterprise;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/** Registers enterprises (USCC checked as GB 32100-2015 says) and binds logins to them. */
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

    private final EnterpriseRepository enterprises;
    private final EnterpriseUserRepository enterpriseUsers;
    private final UnitRepository units;

    public EnterpriseRegister(EnterpriseRepository enterprises, EnterpriseUserRepository enterpriseUsers, UnitRepository units) {
        this.enterprises = enterprises;
        this.enterpriseUsers = enterpriseUsers;
        this.units = units;
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
        return enterprises.saveAndFlush(enterprise);
    }

    /**
     * Whether the user may act for the enterprise (apply, provide supplements): the user's login is bound
     * to it. The one question every check of "the applicant" asks.
     */
    @Transactional(readOnly = true)
    public boolean actsFor(String userId, Long enterpriseId) {
        if (userId == null || enterpriseId == null) {
            return false;
        }
        return enterpriseUsers.findById(userId).map(binding -> enterpriseId.equals(binding.getEnterpriseId())).orElse(false);
    }

    @Transactional
    public EnterpriseUser bind(Enterprise enterprise, String rawUserId) {
        FieldChecks checks = new FieldChecks();
        String userId = checks.requiredText("userId", rawUserId, "用户账号", "User id", 64);
        checks.throwIfAny();
        enterpriseUsers.findById(userId).ifPresent(existing -> {
            if (!existing.getEnterpriseId().equals(enterprise.getId())) {
                throw new ConflictException("userId", "账号 " + userId + " 已绑定其他企业，一个账号只能绑定一家企业",
                        "Account " + userId + " is already bound to another enterprise; an account belongs to exactly one");
            }
        });
        return enterpriseUsers.save(new EnterpriseUser(userId, enterprise.getId()));
    }
}

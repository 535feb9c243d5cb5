package cn.huiqi.enterprise;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.identity.UsccClaim;

/**
 * Profile keycloak: Keycloak is the truth about which enterprise an enterprise user acts for: the user is a
 * member of the enterprise's organization, whose alias is the USCC, and the token's {@code organization} claim
 * names it ({@code identity.KeycloakCallers.enterpriseUscc}); at login and on every API request
 * the binding {@code enterprise_user(user_id → enterprise)} is made to match it, so
 * {@code CaseRegistration.applicantEnterprise()} and {@code CaseVisibility} work as with the built-in identity.
 * A claim that is missing, malformed or names no registered enterprise removes the binding: the user
 * then can neither apply nor read any enterprise's cases (default deny), instead of keeping a stale one.
 * A staff account (in any group besides {@code enterprise}) is never bound, whatever attribute it carries.
 */
@Component
@Profile("keycloak")
public class EnterpriseBindingFromToken implements UsccClaim {

    private static final Logger log = LoggerFactory.getLogger(EnterpriseBindingFromToken.class);

    private final EnterpriseUserRepository enterpriseUsers;
    private final EnterpriseRepository enterprises;
    private final TransactionTemplate transaction;

    public EnterpriseBindingFromToken(EnterpriseUserRepository enterpriseUsers, EnterpriseRepository enterprises,
                                      TransactionTemplate transaction) {
        this.enterpriseUsers = enterpriseUsers;
        this.enterprises = enterprises;
        this.transaction = transaction;
    }

    /** Only accounts in group {@code enterprise} and no other are bound; officials never act for an enterprise. */
    @Override
    public void refresh(String userId, List<String> groupIds, String usccClaim) {
        if (userId == null) {
            return;
        }
        boolean applicant = ApplicantAccounts.isEnterpriseOnly(groupIds);
        try {
            transaction.executeWithoutResult(status -> apply(userId, applicant, usccClaim));
        } catch (DataIntegrityViolationException concurrentFirstLogin) {
            // two first requests of one user at once: the other one bound it
            transaction.executeWithoutResult(status -> apply(userId, applicant, usccClaim));
        }
    }

    private void apply(String userId, boolean applicant, String usccClaim) {
        if (!applicant) {
            enterpriseUsers.findById(userId).ifPresent(binding -> {
                log.warn("Unbinding {} from enterprise {}: it is not (only) in group enterprise", userId,
                        binding.getEnterpriseId());
                enterpriseUsers.delete(binding);
            });
            return;
        }
        Optional<Long> enterpriseId = enterpriseOf(userId, usccClaim);
        Optional<EnterpriseUser> current = enterpriseUsers.findById(userId);
        if (enterpriseId.isEmpty()) {
            current.ifPresent(binding -> {
                log.warn("Unbinding {} from enterprise {}: its Keycloak USCC is now '{}'", userId,
                        binding.getEnterpriseId(), usccClaim);
                enterpriseUsers.delete(binding);
            });
            return;
        }
        if (current.isEmpty() || !Objects.equals(current.get().getEnterpriseId(), enterpriseId.get())) {
            EnterpriseUser binding = new EnterpriseUser(userId, enterpriseId.get());
            if (current.isEmpty()) {
                enterpriseUsers.insert(binding);
            } else {
                enterpriseUsers.update(binding);
            }
            log.info("Bound {} to enterprise {} (USCC {} from Keycloak)", userId, enterpriseId.get(), usccClaim);
        }
    }

    private Optional<Long> enterpriseOf(String userId, String usccClaim) {
        if (usccClaim == null || usccClaim.isBlank()) {
            log.warn("Enterprise user {} is a member of no Keycloak organization (or of several); it is bound to no enterprise", userId);
            return Optional.empty();
        }
        String uscc;
        try {
            uscc = Uscc.normalizeIgnoringCheck(usccClaim);
        } catch (InvalidInputException e) {
            log.warn("Enterprise user {}: its Keycloak organization '{}' is no valid USCC; it is bound to no enterprise", userId, usccClaim);
            return Optional.empty();
        }
        Optional<Long> id = enterprises.findByUscc(uscc).map(Enterprise::getId);
        if (id.isEmpty()) {
            log.warn("Enterprise user {}: USCC {} is not in the enterprise register; it is bound to no enterprise", userId, uscc);
        }
        return id;
    }
}

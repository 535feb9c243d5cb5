package cn.huiqi.round;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.huiqi.catalogue.PolicyDocument;
import cn.huiqi.catalogue.PolicyDocuments;

/** Until when a policy document is in force (policy_document.valid_until): a round's performance window may not extend beyond it. */
@Component
class PolicyValidity {

    private final PolicyDocuments documents;

    PolicyValidity(PolicyDocuments documents) {
        this.documents = documents;
    }

    Optional<LocalDate> validTo(String policyId) {
        return documents.find(policyId).map(PolicyDocument::getValidUntil);
    }
}

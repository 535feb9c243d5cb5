package cn.huiqi.financing;

import cn.huiqi.enterprise.Enterprise;

/** A demand to open, already checked ({@link FinancingSubmission}): the terms and the consent given with it. */
record NewFinancingDemand(Enterprise enterprise, DemandTerms terms, ConsentTerms consent, String idempotencyKey) {
}

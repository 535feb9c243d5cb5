package cn.huiqi.casefile;

import cn.huiqi.common.Label;

/**
 * Published (synchronously, in the transaction of the step) when a measure tells the case's enterprise something that
 * is not a change of status (measure 8: an institution took the demand up, made an offer, declined, let its take-up
 * lapse). {@code kind} names the inbox's notice kind; the inbox writes the message and offers it to SMS.
 */
public record EnterpriseNotice(CaseRecord caseRecord, String kind, Label title, Label body) {
}

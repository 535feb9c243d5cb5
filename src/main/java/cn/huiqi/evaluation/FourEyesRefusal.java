package cn.huiqi.evaluation;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * The four-eyes rule refuses the completer of "复核奖励方案". An AuthorizationException like the task contracts' own
 * refusals, so Tasklist, Camunda's REST API and the app's API answer 403 with the bilingual message.
 */
class FourEyesRefusal extends AuthorizationException {

    FourEyesRefusal(String zh, String en) {
        super(zh + " / " + en);
    }
}

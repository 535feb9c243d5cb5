package cn.huiqi.workflow;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A step refused to the caller by its task contract. An AuthorizationException, so Camunda's REST API
 * and Tasklist answer 403 and the app's API its usual 403; the message says why, in Chinese and English.
 */
class StepNotAllowedException extends AuthorizationException {

    private final String zh;
    private final String en;

    public StepNotAllowedException(String zh, String en) {
        super(zh + " / " + en);
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }
}

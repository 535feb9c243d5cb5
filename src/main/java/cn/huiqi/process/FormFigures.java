package cn.huiqi.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a task's form shows read-only, taken from the app's own records each time the form is read (Tasklist and the
 * portal read it through {@code GET /engine-rest/task/{id}/form-variables}). A user task names the bean in its
 * diagram: {@code <camunda:property name="formFigures" value="caseFigures"/>}. The figures are form fields of the
 * engine's own form data, never process variables: nothing is stored, no history row is written, a figure is as
 * current as the record it comes from, and it wins over a variable of the same name.
 */
public interface FormFigures {

    /** Field key → value (a String, number or boolean), for the task as it is now. */
    Map<String, Object> of(DelegateTask task);
}

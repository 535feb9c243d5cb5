package cn.huiqi.common;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input refused before anything was changed. Thrown by validators in the app's own API and inside
 * the engine (service tasks, execution listeners): it extends Camunda's form-field validation
 * exception because that is the one type the engine's REST API (task complete, submit-form) answers
 * with 400 instead of 500, so Tasklist and REST clients see the same bilingual message.
 */
public class InvalidInputException extends FormFieldValidationException {

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? null : problems.get(0).field(), describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String zh, String en) {
        this(List.of(new FieldProblem(field, zh, en)));
    }

    public List<FieldProblem> getProblems() {
        return problems;
    }

    private static String describe(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; "));
    }
}

package cn.huiqi.common;

/**
 * Input refused because it collides with what is already recorded (e.g. a second application for the same
 * subject): a field problem like {@link InvalidInputException}, answered 409 instead of 400.
 */
public class ConflictingInputException extends InvalidInputException {

    public ConflictingInputException(String field, String zh, String en) {
        super(field, zh, en);
    }
}

package cn.huiqi.rules;

import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * Parses FEEL with the FEEL engine that Camunda 7.24 evaluates DMN with (feel-scala, shipped by
 * camunda-engine-feel-scala): a cell that parses here is one the engine can evaluate. Parsing only; the DMN
 * engine ({@link DraftDmnEngine}) evaluates.
 */
final class FeelEngines {

    record ParseOutcome(boolean ok, String message) {
    }

    static final class Parser {
        private final FeelEngineApi api = FeelEngineBuilder.forJava().build();

        ParseOutcome parseExpression(String expression) {
            return outcome(api.parseExpression(expression));
        }

        ParseOutcome parseUnaryTests(String unaryTests) {
            return outcome(api.parseUnaryTests(unaryTests));
        }

        private static ParseOutcome outcome(ParseResult result) {
            return result.isSuccess() ? new ParseOutcome(true, null) : new ParseOutcome(false, result.failure().message());
        }
    }

    private FeelEngines() {
    }

    static Parser parser() {
        return new Parser();
    }
}

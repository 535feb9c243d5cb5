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

    /** Builds its FEEL engine on the first parse, not at start-up (only staff validating a draft need it). */
    static final class Parser {
        private volatile FeelEngineApi api;

        ParseOutcome parseExpression(String expression) {
            return outcome(api().parseExpression(expression));
        }

        ParseOutcome parseUnaryTests(String unaryTests) {
            return outcome(api().parseUnaryTests(unaryTests));
        }

        private FeelEngineApi api() {
            FeelEngineApi built = api;
            if (built == null) {
                synchronized (this) {
                    built = api;
                    if (built == null) {
                        built = FeelEngineBuilder.forJava().build();
                        api = built;
                    }
                }
            }
            return built;
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

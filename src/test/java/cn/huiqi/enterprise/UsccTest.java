package cn.huiqi.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.huiqi.common.InvalidInputException;

/** GB 32100-2015 统一社会信用代码. */
class UsccTest {

    @Test
    void theStandardsOwnExampleIsValid() {
        assertThat(Uscc.normalize("91350100M000100Y43")).isEqualTo("91350100M000100Y43");
        assertThat(Uscc.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @ParameterizedTest
    @ValueSource(strings = {"91360102MA35HQ1D2F", "91360111MA38GK7X58", "91360100MA39AB3C10",
            "91360121MA35XL0N86", "91360123MA37TW2P61"})
    void theDemoEnterprisesHaveValidCodes(String code) {
        assertThat(Uscc.isValid(code)).isTrue();
    }

    @Test
    void theStandardsInvalidExampleEndsInZWhichIsNoCheckCharacterAtAll() {
        // Z is outside the alphabet, so this fails before the check sum is computed, even when the check is ignored
        assertThat(Uscc.isValid("91350100M000100Y4Z")).isFalse();
        assertThatThrownBy(() -> Uscc.normalize("91350100M000100Y4Z"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("第18位（校验码）的字符\"Z\"无效")
                .hasMessageContaining("\"Z\" at position 18 (the check character)");
        assertThatThrownBy(() -> Uscc.normalizeIgnoringCheck("91350100M000100Y4Z"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aWrongCheckCharacterIsRefusedAsSuch() {
        assertThat(Uscc.isValid("91350100M000100Y44")).isFalse();
        assertThatThrownBy(() -> Uscc.normalize("91350100M000100Y44"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("uscc")
                .hasMessageContaining("校验码错误")
                .hasMessageContaining("check character (18th) '4'");
    }

    @Test
    void aWrongCheckCharacterCanBeAcceptedDeliberately() {
        assertThat(Uscc.normalizeIgnoringCheck(" 91350100m000100y44 ")).isEqualTo("91350100M000100Y44");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y433"})
    void aCodeOfAnyLengthButEighteenIsRefusedWithItsLength(String code) {
        assertThatThrownBy(() -> Uscc.normalize(code))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("应为18位，实际为" + code.length() + "位")
                .hasMessageContaining("must be 18 characters long, but has " + code.length());
        assertThatThrownBy(() -> Uscc.normalizeIgnoringCheck(code)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anIIsNotInTheAlphabetAndTheMessageSaysWhere() {
        assertThatThrownBy(() -> Uscc.normalize("91350100I000100Y43"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("第9位")
                .hasMessageContaining("\"I\" at position 9")
                .hasMessageContaining("I、O、S、V、Z")
                .hasMessageContaining("never I, O, S, V or Z");
    }

    @Test
    void anOIsNotInTheAlphabetEvenWhenTheCheckIsIgnored() {
        assertThatThrownBy(() -> Uscc.normalizeIgnoringCheck("9135O100M000100Y43"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"O\" at position 5");
    }

    @Test
    void lowerCaseLettersAreUpperCased() {
        assertThat(Uscc.normalize("91350100m000100y43")).isEqualTo("91350100M000100Y43");
        assertThat(Uscc.normalize("91360102ma35hq1d2f")).isEqualTo("91360102MA35HQ1D2F");
    }

    @Test
    void fullWidthInputIsConvertedToHalfWidth() {
        assertThat(Uscc.normalize("９１３５０１００Ｍ０００１００Ｙ４３")).isEqualTo("91350100M000100Y43");
        assertThat(Uscc.normalize("\u3000９１３５０１００ｍ０００１００ｙ４３\u3000")).isEqualTo("91350100M000100Y43");
    }

    @Test
    void surroundingSpacesAreTrimmed() {
        assertThat(Uscc.normalize("  91350100M000100Y43\t\n")).isEqualTo("91350100M000100Y43");
    }

    @Test
    void spacesInsideTheCodeAreNotAllowed() {
        assertThatThrownBy(() -> Uscc.normalize("9135 0100M000100Y4")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("position 5");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\u3000"})
    void aMissingCodeIsRefusedAsEmpty(String raw) {
        assertThat(Uscc.isValid(raw)).isFalse();
        assertThatThrownBy(() -> Uscc.normalize(raw))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("不能为空")
                .hasMessageContaining("is required");
    }

    @Test
    void theErrorNamesTheField() {
        InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions
                .catchThrowable(() -> Uscc.normalize("123"));
        assertThat(e.getProblems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("uscc"));
    }
}

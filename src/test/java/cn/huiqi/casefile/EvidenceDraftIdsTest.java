package cn.huiqi.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.huiqi.common.InvalidInputException;

/** The evidence drafts an application lists: a JSON list from the API, or the text a form field sends. */
class EvidenceDraftIdsTest {

    @Test
    void aListOrTheTextOfAFormField() {
        assertThat(CaseRegistration.draftIds(null)).isEmpty();
        assertThat(CaseRegistration.draftIds("")).isEmpty();
        assertThat(CaseRegistration.draftIds(List.of(12, 13L, "14"))).containsExactly(12L, 13L, 14L);
        assertThat(CaseRegistration.draftIds("12, 13，14 12")).as("repeats count once").containsExactly(12L, 13L, 14L);
    }

    @Test
    void anythingElseIsRefused() {
        for (Object bad : new Object[] {"12;13", "-1", "0", List.of(1.5), List.of(""), Collections.singletonList(null), "99999999999999999999",
                List.of(List.of(1)), "7,x"}) {
            assertThatThrownBy(() -> CaseRegistration.draftIds(bad)).as(String.valueOf(bad)).isInstanceOf(InvalidInputException.class);
        }
        List<Integer> tooMany = java.util.stream.IntStream.rangeClosed(1, 101).boxed().toList();
        assertThatThrownBy(() -> CaseRegistration.draftIds(tooMany)).isInstanceOf(InvalidInputException.class);
    }
}

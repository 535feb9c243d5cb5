package cn.huiqi.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** 大写 amounts: the same table of examples as the pages' formatter (frontend/test/capitals-examples.json). */
class ChineseCapitalsTest {

    @Test
    void writesEveryExampleOfTheSharedTable() throws IOException {
        List<List<String>> examples = new ObjectMapper().readValue(Files.readString(Path.of("frontend/test/capitals-examples.json")),
                new TypeReference<>() { });
        assertThat(examples).hasSizeGreaterThan(15);
        for (List<String> example : examples) {
            assertThat(ChineseCapitals.of(new BigDecimal(example.get(0)))).as(example.get(0)).isEqualTo(example.get(1));
        }
    }

    @Test
    void theBriefsExamples() {
        assertThat(ChineseCapitals.of(new BigDecimal("0.00"))).isEqualTo("零元整");
        assertThat(ChineseCapitals.of(new BigDecimal("0.05"))).isEqualTo("伍分");
        assertThat(ChineseCapitals.of(new BigDecimal("10.00"))).isEqualTo("壹拾元整");
        assertThat(ChineseCapitals.of(new BigDecimal("100000.00"))).isEqualTo("壹拾万元整");
        assertThat(ChineseCapitals.of(new BigDecimal("1000010.50"))).isEqualTo("壹佰万零壹拾元零伍角");
        assertThat(ChineseCapitals.of(new BigDecimal("120000000.00"))).isEqualTo("壹亿贰仟万元整");
        assertThat(ChineseCapitals.of(new BigDecimal("100000000.00"))).isEqualTo("壹亿元整");
        assertThat(ChineseCapitals.of(null)).isEmpty();
    }
}

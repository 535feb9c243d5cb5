package cn.huiqi.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.testsupport.ProcessTestSupport;

/** The institution check remembers the kinds of units it has seen, never that a group id is no unit. */
class InstitutionUnitsTest extends ProcessTestSupport {

    @Autowired
    InstitutionUnits institutions;
    @Autowired
    UnitRepository units;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGroupThatBecomesAnInstitutionLaterIsRecognisedAndKnownUnitsAreNotAskedAgain() {
        assertThat(institutions.anyOf(List.of())).isFalse();
        assertThat(institutions.anyOf(List.of("donghu", "gxj", "test-bank-later"))).isFalse();

        // registered as an institution after it was asked about as a plain group
        units.insert(Unit.institution("test-bank-later", "后来的银行", "A bank registered later", 990));
        assertThat(institutions.anyOf(List.of("donghu", "test-bank-later"))).isTrue();

        // the kinds of units seen are kept: a unit's kind never changes, so no statement is needed for them
        jdbc.update("DELETE FROM unit WHERE id = 'test-bank-later'");
        assertThat(institutions.anyOf(List.of("test-bank-later"))).isTrue();
        assertThat(institutions.anyOf(List.of("donghu", "gxj"))).isFalse();
    }
}

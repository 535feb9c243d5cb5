package cn.huiqi.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class AgentAuthorisationTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 31);

    @Test
    void anAuthorisationHoldsUpToAndIncludingItsLastDayAndNotAfterItsRevocation() {
        AgentAuthorisation open = new AgentAuthorisation(1L, "agent", "owner", null);
        AgentAuthorisation bounded = new AgentAuthorisation(1L, "agent", "owner", DAY);

        assertThat(open.isInForceOn(DAY.plusYears(50))).isTrue();
        assertThat(bounded.isInForceOn(DAY)).isTrue();
        assertThat(bounded.isInForceOn(DAY.plusDays(1))).isFalse();

        open.revoke("owner");
        assertThat(open.isInForceOn(DAY)).isFalse();
        assertThat(open.getRevokedBy()).isEqualTo("owner");
        assertThat(open.getRevokedAt()).isNotNull();
    }
}

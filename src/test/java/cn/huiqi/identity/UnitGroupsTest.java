package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

import cn.huiqi.common.ConflictException;
import cn.huiqi.unit.UnitAdministration;
import cn.huiqi.unit.UnitApi;

/**
 * The keycloak profile's side of adding a unit, without Keycloak: the identity is read-only, so the group must exist
 * there first; a unit whose group Keycloak lacks is refused (409) and nothing is written. (The quick start's side,
 * where the group is created with the unit, runs in UnitAdministrationAttackTest.)
 */
class UnitGroupsTest {

    private final UnitAdministration administration = mock(UnitAdministration.class);
    private final IdentityService keycloak = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    private final CurrentCaller currentCaller = mock(CurrentCaller.class);
    private final UnitGroups unitGroups = new UnitGroups(administration, keycloak, mock(AuthorizationSetup.class), currentCaller,
            Clock.systemUTC());
    private final UnitApi.NewUnit request = new UnitApi.NewUnit("hbj", "市测试局", "Test Bureau", false);

    @Test
    void withKeycloakAUnitWhoseGroupKeycloakLacksIsRefusedAndNothingIsWritten() {
        when(currentCaller.get()).thenReturn(new Caller("admin", List.of(Groups.CAMUNDA_ADMIN)));
        when(administration.checkNew(request)).thenReturn("hbj");
        when(keycloak.isReadOnly()).thenReturn(true);
        when(keycloak.createGroupQuery().groupId("hbj").count()).thenReturn(0L);

        assertThatThrownBy(() -> unitGroups.add(request)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Keycloak").satisfies(e -> assertThat(((ConflictException) e).problem().zh())
                        .contains("请先在 Keycloak 中创建该组"));
        verify(administration, never()).add(any(), anyString(), any());
        verify(keycloak, never()).saveGroup(any());
    }

    @Test
    void withKeycloakAUnitWhoseGroupExistsThereIsAddedAndNoGroupIsWritten() {
        when(currentCaller.get()).thenReturn(new Caller("admin", List.of(Groups.CAMUNDA_ADMIN)));
        when(administration.checkNew(request)).thenReturn("hbj");
        when(keycloak.isReadOnly()).thenReturn(true);
        when(keycloak.createGroupQuery().groupId("hbj").count()).thenReturn(1L);
        cn.huiqi.unit.Unit unit = mock(cn.huiqi.unit.Unit.class);
        when(unit.getId()).thenReturn("hbj");
        when(administration.add(any(), anyString(), any())).thenReturn(unit);

        assertThat(unitGroups.add(request)).isSameAs(unit);
        verify(administration).add(any(), anyString(), any());
        verify(keycloak, never()).saveGroup(any());
        verify(keycloak, never()).newGroup(anyString());
    }

    @Test
    void onlyAdministratorsGetThatFar() {
        when(currentCaller.get()).thenReturn(new Caller("policy-staff", List.of(Groups.POLICY_ADMIN)));
        assertThatThrownBy(() -> unitGroups.add(request)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        verify(administration, never()).checkNew(any());
    }
}

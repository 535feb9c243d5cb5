package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * A browser sent to Keycloak twice in one session (two tabs, a double click) can come back with either state: each
 * finds its own authorization request.
 */
class PendingAuthorizationRequestsTest {

    private final PendingAuthorizationRequests repository = new PendingAuthorizationRequests();
    private final MockHttpSession session = new MockHttpSession();

    @Test
    void theFirstOfTwoRedirectsInOneSessionStillCompletesAndTheSecondToo() {
        OAuth2AuthorizationRequest first = authorizationRequest("first");
        OAuth2AuthorizationRequest second = authorizationRequest("second");
        repository.saveAuthorizationRequest(first, request(null), new MockHttpServletResponse());
        repository.saveAuthorizationRequest(second, request(null), new MockHttpServletResponse());

        assertThat(repository.loadAuthorizationRequest(request("first"))).isEqualTo(first);
        assertThat(repository.removeAuthorizationRequest(request("first"), new MockHttpServletResponse())).isEqualTo(first);
        assertThat(repository.removeAuthorizationRequest(request("first"), new MockHttpServletResponse()))
                .as("a state completes once").isNull();
        assertThat(repository.removeAuthorizationRequest(request("second"), new MockHttpServletResponse())).isEqualTo(second);
    }

    @Test
    void anUnknownOrMissingStateFindsNothing() {
        repository.saveAuthorizationRequest(authorizationRequest("known"), request(null), new MockHttpServletResponse());

        assertThat(repository.loadAuthorizationRequest(request("forged"))).isNull();
        assertThat(repository.removeAuthorizationRequest(request("forged"), new MockHttpServletResponse())).isNull();
        assertThat(repository.removeAuthorizationRequest(request(null), new MockHttpServletResponse())).isNull();
        assertThat(repository.loadAuthorizationRequest(request("known"))).isNotNull();
    }

    @Test
    void anotherSessionFindsNothing() {
        repository.saveAuthorizationRequest(authorizationRequest("mine"), request(null), new MockHttpServletResponse());

        MockHttpServletRequest elsewhere = new MockHttpServletRequest("GET", "/login/oauth2/code/keycloak");
        elsewhere.setParameter("state", "mine");
        elsewhere.setSession(new MockHttpSession());
        assertThat(repository.removeAuthorizationRequest(elsewhere, new MockHttpServletResponse())).isNull();
    }

    @Test
    void onlyTheNewestAreKept() {
        for (int i = 0; i <= PendingAuthorizationRequests.MAX_PENDING; i++) {
            repository.saveAuthorizationRequest(authorizationRequest("state-" + i), request(null), new MockHttpServletResponse());
        }

        assertThat(repository.loadAuthorizationRequest(request("state-0"))).as("the oldest went").isNull();
        assertThat(repository.loadAuthorizationRequest(request("state-1"))).isNotNull();
        assertThat(repository.loadAuthorizationRequest(request("state-" + PendingAuthorizationRequests.MAX_PENDING))).isNotNull();
    }

    @Test
    void savingNothingRemovesTheRequestOfTheState() {
        repository.saveAuthorizationRequest(authorizationRequest("done"), request(null), new MockHttpServletResponse());
        repository.saveAuthorizationRequest(null, request("done"), new MockHttpServletResponse());

        assertThat(repository.loadAuthorizationRequest(request("done"))).isNull();
    }

    private MockHttpServletRequest request(String state) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET",
                state == null ? "/oauth2/authorization/keycloak" : "/login/oauth2/code/keycloak");
        if (state != null) {
            request.setParameter("state", state);
            request.setParameter("code", "code-of-" + state);
        }
        request.setSession(session);
        return request;
    }

    private static OAuth2AuthorizationRequest authorizationRequest(String state) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("http://127.0.0.1:8180/realms/huiqi/protocol/openid-connect/auth")
                .clientId("huiqi-dev")
                .redirectUri("http://localhost/login/oauth2/code/keycloak")
                .state(state)
                .build();
    }
}

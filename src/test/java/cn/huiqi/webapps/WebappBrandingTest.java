package cn.huiqi.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.QuickStartTest;

/**
 * The four webapps carry 南昌市惠企 instead of Camunda's end-of-life banner and login logo: each app's
 * user-styles.css (which the webapps load themselves) imports the one branding stylesheet, and both are served.
 */
@QuickStartTest
class WebappBrandingTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome", "cockpit"})
    void eachWebappImportsTheBranding(String app) {
        HttpResponse<String> styles = HttpApi.anonymous(port).get("/camunda/app/" + app + "/styles/user-styles.css");

        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.body()).startsWith("/* the branding shared by the four webapps */")
                .contains("@import url(\"../../huiqi-branding.css\");");
    }

    @Test
    void theBrandingHidesTheEndOfLifeBannerAndNamesTheCity() {
        HttpResponse<String> branding = HttpApi.anonymous(port).get("/camunda/app/huiqi-branding.css");

        assertThat(branding.statusCode()).isEqualTo(200);
        assertThat(branding.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(branding.body()).contains(".ce-eol-banner").contains("display: none").contains("惠企 · 南昌市");
    }
}

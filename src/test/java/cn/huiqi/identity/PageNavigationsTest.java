package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class PageNavigationsTest {

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} → {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // what a browser with Fetch Metadata sends
            "GET  | navigate    | document | text/html,application/xhtml+xml,*/*;q=0.8 | -              | true",
            "GET  | cors        | font     | */*                                         | -              | false",
            "GET  | no-cors     | script   | */*                                         | -              | false",
            "GET  | no-cors     | image    | image/avif,image/webp,*/*                   | -              | false",
            "GET  | cors        | empty    | application/json, text/plain, */*           | XMLHttpRequest | false",
            "GET  | same-origin | empty    | text/html                                   | -              | false",
            "POST | navigate    | document | text/html                                   | -              | false",
            // without Fetch Metadata: a GET for HTML that is no XHR
            "GET  | -           | -        | text/html                                   | -              | true",
            "GET  | -           | -        | */*                                         | -              | false",
            "GET  | -           | -        | -                                           | -              | false",
            "GET  | -           | -        | text/html                                   | XMLHttpRequest | false",
            "HEAD | -           | -        | text/html                                   | -              | false"})
    void onlyAPageTheBrowserNavigatesToIsWorthComingBackTo(String method, String mode, String dest, String accept,
                                                           String requestedWith, boolean saved) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/camunda/app/tasklist/default/");
        Map.of("Sec-Fetch-Mode", String.valueOf(mode), "Sec-Fetch-Dest", String.valueOf(dest), "Accept", String.valueOf(accept),
                        "X-Requested-With", String.valueOf(requestedWith))
                .forEach((name, value) -> {
                    if (!value.equals("null")) {
                        request.addHeader(name, value);
                    }
                });

        assertThat(new PageNavigations().matches(request)).isEqualTo(saved);
    }
}

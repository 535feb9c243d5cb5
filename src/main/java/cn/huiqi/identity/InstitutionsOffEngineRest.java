package cn.huiqi.identity;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.common.FieldProblem;
import cn.huiqi.unit.InstitutionUnits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The staff of a financial institution (measure 8) never reach /engine-rest: whoever reads a task there reads its
 * process's variables, and institutions work only through the app's API (which filters every field by the
 * enterprise's consent). Their groups have no engine authorizations either; this answers 403 before the engine is
 * asked at all. Not a bean on purpose (Spring Boot would register it for every URL).
 */
class InstitutionsOffEngineRest extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InstitutionUnits institutions;

    InstitutionsOffEngineRest(InstitutionUnits institutions) {
        this.institutions = institutions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/engine-rest");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()) {
            List<String> groups = GroupAuthorities.groupIdsOf(authentication);
            if (institutions.anyOf(groups)) {
                SecurityLog.event("ACCESS_DENIED", authentication.getName(), "institution staff on /engine-rest");
                // the shape of /engine-rest's own answers (process.EngineRestErrors): type, message, code, errors
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setCharacterEncoding("UTF-8");
                response.setContentType("application/json");
                FieldProblem problem = FieldProblem.NOT_ALLOWED;
                response.getWriter().write(JSON.writeValueAsString(Map.of("type", "Forbidden", "message",
                        problem.zh() + " / " + problem.en(), "errors", List.of(Map.of("zh", problem.zh(), "en", problem.en())))));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

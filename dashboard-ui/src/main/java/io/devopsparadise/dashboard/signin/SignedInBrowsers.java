package io.devopsparadise.dashboard.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every page, action and live stream of the dashboard needs a signed-in browser: other users of this machine reach
 * its loopback port too, and it shows every client's results and starts runs. Pages redirect to the sign-in page;
 * anything else gets 401. {@code /api/**} and the actuator are the service credential's (checked before this).
 */
@Component
class SignedInBrowsers extends OncePerRequestFilter implements Ordered {

    private static final String SIGNED_IN = "paradise.signed-in";
    private static final List<String> OPEN_PREFIXES = List.of("/sign-in", "/api/", "/actuator/", "/webjars/");
    private static final List<String> OPEN_FILES =
            List.of("/dashboard.css", "/dashboard.js", "/trends.js", "/favicon.ico");

    static void signIn(HttpServletRequest request) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(SIGNED_IN, Boolean.TRUE);
    }

    static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        HttpSession session = request.getSession(false);
        boolean signedIn = session != null && Boolean.TRUE.equals(session.getAttribute(SIGNED_IN));
        if (signedIn
                || OPEN_FILES.contains(path)
                || OPEN_PREFIXES.stream().anyMatch(path::startsWith)
                || path.equals("/error")) {
            chain.doFilter(request, response);
            return;
        }
        boolean page = "GET".equals(request.getMethod())
                && Objects.toString(request.getHeader("Accept"), "").contains("text/html");
        if (page) {
            response.sendRedirect(request.getContextPath() + "/sign-in");
        } else {
            response.sendError(
                    HttpServletResponse.SC_UNAUTHORIZED, "sign in first: open the dashboard's /sign-in page");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}

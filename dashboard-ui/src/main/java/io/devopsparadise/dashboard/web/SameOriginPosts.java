package io.devopsparadise.dashboard.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a POST whose Origin is another site: a page elsewhere must not start runs through a browser that has the
 * dashboard open (cross-site request forgery).
 */
@Component
class SameOriginPosts extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if ("POST".equals(request.getMethod()) && origin != null && !sameOrigin(origin, request)) {
            response.sendError(
                    HttpServletResponse.SC_FORBIDDEN,
                    "cross-site request refused: the Origin " + origin + " is not this dashboard");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            return host != null && host.equalsIgnoreCase(uri.getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

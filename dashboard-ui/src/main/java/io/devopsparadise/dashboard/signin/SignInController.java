package io.devopsparadise.dashboard.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Signing a browser in: with a one-time link (the platform's tools ask for one with the service credential) or
 * with the admin token. A signed-in browser holds a session cookie only, never a credential of the services.
 */
@Controller
class SignInController {

    private final SignInLinks links;
    private final AdminTokenCheck admin;

    SignInController(SignInLinks links, AdminTokenCheck admin) {
        this.links = links;
        this.admin = admin;
    }

    /** For paradise-cli and the start script; {@code /api/**} needs the service credential. */
    @PostMapping(path = "/api/sign-in-links", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, String> link() {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/sign-in")
                .queryParam("code", links.issue())
                .toUriString();
        return Map.of("url", url, "expiresIn", SignInLinks.LIFETIME.toString());
    }

    @GetMapping("/sign-in")
    String signInPage(
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (code == null) {
            return "sign-in";
        }
        if (links.redeem(code)) {
            return signedIn(request);
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        model.addAttribute(
                "problem",
                "This sign-in link was used already or has expired. Sign in with the admin token, or rerun "
                        + "scripts/start-devops-paradise.sh for a new link.");
        return "sign-in";
    }

    @PostMapping("/sign-in")
    String signInWithTheAdminToken(
            @RequestParam(required = false) String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (admin.matches(token)) {
            return signedIn(request);
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        model.addAttribute(
                "problem",
                "That is not the admin token. It is in the data directory's admin-token file (~/.devops-paradise/admin-token by default).");
        return "sign-in";
    }

    @PostMapping("/sign-out")
    String signOut(HttpServletRequest request) {
        SignedInBrowsers.signOut(request);
        return "redirect:/sign-in";
    }

    private static String signedIn(HttpServletRequest request) {
        SignedInBrowsers.signIn(request);
        return "redirect:/";
    }
}

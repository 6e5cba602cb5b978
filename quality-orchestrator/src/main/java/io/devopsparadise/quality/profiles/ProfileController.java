package io.devopsparadise.quality.profiles;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Collection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProfileController {

    private final QualityProfiles profiles;

    ProfileController(QualityProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/profiles")
    @Operation(summary = "The quality profiles runs can use: built-in and custom ($PARADISE_HOME/quality-profiles.yml)")
    Collection<QualityProfile> list() {
        return profiles.all();
    }
}

package org.lanyard.server.web;

import org.lanyard.server.http.RequiresPermission;
import java.util.Comparator;
import java.util.List;
import org.lanyard.core.LanyardException;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.ca.ProfileReader;
import org.lanyard.core.ca.SaveProfile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Certificate profiles: list, read, create or replace (PUT is idempotent). */
@RestController
@RequestMapping("/api/v1/profiles")
public class ProfileController {

    private final ProfileReader profiles;
    private final SaveProfile saveProfile;

    public ProfileController(ProfileReader profiles, SaveProfile saveProfile) {
        this.profiles = profiles;
        this.saveProfile = saveProfile;
    }

    @GetMapping
    @RequiresPermission(Permission.PROFILE_READ)
    public List<ProfileView> list() {
        return profiles.list().stream()
                .sorted(Comparator.comparing(p -> p.id())).map(ProfileView::of).toList();
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.PROFILE_READ)
    public ProfileView show(@PathVariable String id) {
        return profiles.find(id).map(ProfileView::of)
                .orElseThrow(() -> LanyardException.notFound("profile-unknown", "certificate profile '" + id + "' does not exist"));
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permission.PROFILE_MANAGE)
    public ProfileView save(@PathVariable String id, @RequestBody ProfileView body, AuthenticatedOperator operator) {
        if (body == null) {
            throw LanyardException.invalid("profile-invalid", "the profile is missing");
        }
        return ProfileView.of(saveProfile.save(body.toProfile(id), operator.actor()));
    }
}

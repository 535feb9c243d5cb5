package cn.huiqi.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Camunda group ids carried as Spring authorities "GROUP_&lt;id&gt;". Any login method (HTTP Basic now, a
 * JWT converter later) that produces these authorities feeds the engine the same groups.
 */
final class GroupAuthorities {

    public static final String PREFIX = "GROUP_";

    private GroupAuthorities() {
    }

    public static List<GrantedAuthority> of(Collection<String> groupIds) {
        return groupIds.stream().<GrantedAuthority>map(id -> new SimpleGrantedAuthority(PREFIX + id)).toList();
    }

    public static List<String> groupIdsOf(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(PREFIX))
                .map(authority -> authority.substring(PREFIX.length()))
                .toList();
    }
}

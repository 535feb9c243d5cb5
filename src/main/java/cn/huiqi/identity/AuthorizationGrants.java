package cn.huiqi.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Idempotent Camunda grants: finds the one grant for (group or everyone, resource type, resource id),
 * creates it if missing and adds only the permissions it lacks, so start-ups never duplicate rows.
 */
@Component
class AuthorizationGrants {

    private final AuthorizationService authorizationService;

    public AuthorizationGrants(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    public void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        batch().grantGroup(groupId, resource, resourceId, permissions);
    }

    /** A GLOBAL authorization: applies to every user, including users created later. */
    public void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
        batch().grantEveryone(resource, resourceId, permissions);
    }

    /** Grants made together (a start-up's several hundred), each kind of existing grant read once. */
    Batch batch() {
        return new Batch();
    }

    /**
     * Reads the existing grants once per kind, not once per grant: the wildcard grants ({@code *}) of every resource
     * in one query, the named process definitions and applications (Tasklist, Cockpit) one query each. Other named
     * resources (a group, a filter) are read one by one, as tasks, users and instances can have a row each by the
     * hundred thousand. Only for one transaction's grants: another node or an administrator may change them after.
     */
    final class Batch {

        private final Map<String, List<Authorization>> read = new HashMap<>();

        private Batch() {
        }

        void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
            ensure(Authorization.AUTH_TYPE_GRANT, groupId, resource, resourceId, permissions);
        }

        void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
            ensure(Authorization.AUTH_TYPE_GLOBAL, null, resource, resourceId, permissions);
        }

        private void ensure(int type, String groupId, Resource resource, String resourceId, Permission... permissions) {
            List<Authorization> existing = existing(type, resource, resourceId);
            Authorization authorization = existing.stream()
                    .filter(a -> a.getResourceType() == resource.resourceType() && resourceId.equals(a.getResourceId())
                            && Objects.equals(a.getGroupId(), groupId))
                    .findFirst()
                    .orElse(null);
            boolean changed = false;
            if (authorization == null) {
                authorization = authorizationService.createNewAuthorization(type);
                if (groupId != null) {
                    authorization.setGroupId(groupId);
                }
                authorization.setResource(resource);
                authorization.setResourceId(resourceId);
                existing.add(authorization);
                changed = true;
            }
            for (Permission permission : permissions) {
                if (!authorization.isPermissionGranted(permission)) {
                    authorization.addPermission(permission);
                    changed = true;
                }
            }
            if (changed) {
                authorizationService.saveAuthorization(authorization);
            }
        }

        private List<Authorization> existing(int type, Resource resource, String resourceId) {
            AuthorizationQuery query = authorizationService.createAuthorizationQuery().authorizationType(type);
            String kind;
            if (Authorization.ANY.equals(resourceId)) {
                kind = type + " *";
                query.resourceId(Authorization.ANY);
            } else if (resource == Resources.PROCESS_DEFINITION || resource == Resources.APPLICATION) {
                kind = type + " " + resource.resourceType();
                query.resourceType(resource);
            } else {
                kind = type + " " + resource.resourceType() + " " + resourceId;
                query.resourceType(resource).resourceId(resourceId);
            }
            return read.computeIfAbsent(kind, k -> new ArrayList<>(query.list()));
        }
    }
}

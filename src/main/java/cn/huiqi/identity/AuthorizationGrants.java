package cn.huiqi.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
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
        AuthorizationQuery query = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId);
        ensure(query, Authorization.AUTH_TYPE_GRANT, groupId, resource, resourceId, permissions);
    }

    /** A GLOBAL authorization: applies to every user, including users created later. */
    public void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
        AuthorizationQuery query = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GLOBAL);
        ensure(query, Authorization.AUTH_TYPE_GLOBAL, null, resource, resourceId, permissions);
    }

    private void ensure(AuthorizationQuery query, int type, String groupId, Resource resource, String resourceId,
                        Permission... permissions) {
        Authorization authorization = query.resourceType(resource).resourceId(resourceId).list().stream()
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
}

package cn.huiqi.identity;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * A group created in the built-in identity gives its members READ on itself (the engine's default authorization), and
 * adds READ to the grant that already exists for them instead of inserting a second one. Such a grant exists when the
 * database ran with Keycloak before ({@link AuthorizationSetup} grants it to every group of a read-only identity), and
 * the engine's own provider inserts regardless: ACT_UNIQ_AUTH_GROUP refuses the row and the group is not created
 * (the quick start's demo seeding on a ./data a Keycloak run made; a unit or group added in Camunda Admin).
 */
@Component
class ExistingGroupGrantPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newGroup(Group group) {
            AuthorizationEntity existing = getGrantAuthorizationByGroupId(group.getId(), Resources.GROUP, group.getId());
            if (existing == null) {
                return super.newGroup(group);
            }
            existing.addPermission(Permissions.READ); // saved as an update: the entity has its id
            return new AuthorizationEntity[]{existing};
        }
    }
}

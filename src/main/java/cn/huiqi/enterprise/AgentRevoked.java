package cn.huiqi.enterprise;

/**
 * Published (inside the revoking transaction) when an enterprise revokes an agent's authorisation, so
 * work the agent was given for that enterprise (its supplement tasks) goes back to the enterprise.
 */
public record AgentRevoked(Long enterpriseId, String agentUserId, String revokedBy) {
}

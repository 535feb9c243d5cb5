package cn.huiqi.enterprise;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgentAuthorisationRepository extends JpaRepository<AgentAuthorisation, Long> {

    List<AgentAuthorisation> findByUserIdAndEnterpriseIdAndRevokedAtIsNull(String userId, Long enterpriseId);

    List<AgentAuthorisation> findByUserIdAndRevokedAtIsNull(String userId);

    List<AgentAuthorisation> findByEnterpriseIdOrderByGrantedAtDescIdDesc(Long enterpriseId);
}

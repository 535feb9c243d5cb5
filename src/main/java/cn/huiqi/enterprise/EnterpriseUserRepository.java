package cn.huiqi.enterprise;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EnterpriseUserRepository extends JpaRepository<EnterpriseUser, String> {

    List<EnterpriseUser> findByEnterpriseIdOrderByUserId(Long enterpriseId);
}

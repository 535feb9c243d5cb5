package cn.huiqi.enterprise;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EnterpriseUserRepository extends JpaRepository<EnterpriseUser, String> {
}

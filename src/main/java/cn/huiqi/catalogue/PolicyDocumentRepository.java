package cn.huiqi.catalogue;

import org.springframework.data.jpa.repository.JpaRepository;

interface PolicyDocumentRepository extends JpaRepository<PolicyDocument, String> {
}

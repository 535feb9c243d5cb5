package cn.huiqi.assistance;

import org.springframework.data.jpa.repository.JpaRepository;

interface NoVisitRepository extends JpaRepository<NoVisit, Long> {
}

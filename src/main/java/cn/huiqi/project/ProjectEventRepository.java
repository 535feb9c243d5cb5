package cn.huiqi.project;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectEventRepository extends JpaRepository<ProjectEvent, Long> {

    List<ProjectEvent> findByProjectIdOrderByOccurredAtAscIdAsc(Long projectId);
}

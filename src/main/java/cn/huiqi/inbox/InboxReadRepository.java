package cn.huiqi.inbox;

import org.springframework.data.jpa.repository.JpaRepository;

interface InboxReadRepository extends JpaRepository<InboxRead, InboxRead.Key> {
}

/**
 * 站内消息 Notices to people: in-site messages for enterprises and officials (read/unread, Chinese first) and the
 * SMS channel, from case events, time-limit events and the locality evaluations; each message is seen only by its recipients.
 */
@ApplicationModule(displayName = "站内消息 Notices to people",
        allowedDependencies = { "common", "calendar", "catalogue", "process", "unit", "identity", "enterprise", "casefile", "workflow", "timelimit", "evaluation" })
package cn.huiqi.inbox;

import org.springframework.modulith.ApplicationModule;

package cn.huiqi.identity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.security.authentication.LockedException;

import cn.huiqi.common.FieldProblem;

/** A login refused because the account is locked after too many failures, whatever the password. */
class AccountLockedException extends LockedException {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final transient Instant until;

    public AccountLockedException(Instant until) {
        super("Account locked until " + until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }

    /** "账户已锁定，请于 HH:mm 后重试 / Account locked until HH:mm (Beijing time)", with the day if not today. */
    public FieldProblem problem() {
        // rounded up: "after 10:31" must not be a minute early
        Instant shown = until.plusSeconds(59);
        boolean today = shown.atZone(BEIJING).toLocalDate().equals(Instant.now().atZone(BEIJING).toLocalDate());
        String at = (today ? TIME : DAY_AND_TIME).format(shown.atZone(BEIJING));
        return new FieldProblem(null, "登录失败次数过多，账户已锁定，请于 " + at + " 后重试",
                "Too many failed logins: account locked until " + at + " (Beijing time)");
    }
}

package cn.huiqi.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one login-failure policy of the built-in identity: {@code huiqi.login.max-failures} consecutive
 * failures lock a user name for {@code huiqi.login.lock-duration}; while locked, no password is compared
 * (a correct one is refused too, and the caller is told until when). Called by
 * {@link LockoutIdentityProvider} for every password check of the engine, so it covers the app's Basic
 * auth, the sign-in page and Camunda's webapp login alike. Unknown user names are counted and locked
 * like real ones, so a lock tells nothing about which accounts exist. Every failure, lock, refusal and
 * unlock is a row of {@code security_audit} and a line of the security log. Writes run in their own
 * transaction: the engine command that asks must not be able to roll an audit row back.
 */
@Component
@Profile("!keycloak")
@EnableConfigurationProperties(LoginProperties.class)
class LoginLockout {

    static final int MAX_USER_ID = 64;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final LoginProperties properties;
    private final Clock clock = Clock.systemUTC();

    public LoginLockout(JdbcTemplate jdbc, PlatformTransactionManager transactions, LoginProperties properties) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
    }

    public LoginProperties properties() {
        return properties;
    }

    /** Where a user stands: a row counts failures since the last success (none: nothing to reset), or holds a lock. */
    record Standing(boolean counting, Optional<Instant> lockedUntil) {
    }

    /** The password hash and salt the engine stored for a user (ACT_ID_USER). */
    record StoredPassword(String hash, String salt) {
    }

    /** A password check's look: the user's standing, the stored password if such a user exists, and the user's groups. */
    record Look(Standing standing, Optional<StoredPassword> password, List<String> groups) {
    }

    /**
     * The standing, the stored password and the groups (ACT_ID_MEMBERSHIP, as the engine's group query by member
     * finds them) in one statement: every Basic-auth request checks a password and then needs the groups, so separate
     * reads of the lock, the user and the memberships would be three statements per request.
     */
    Look look(String userId) {
        return jdbc.query("SELECT l.user_id, l.locked_until, u.PWD_, u.SALT_, m.GROUP_ID_ FROM (SELECT 1 AS one) k"
                + " LEFT JOIN login_lock l ON l.user_id = ? LEFT JOIN ACT_ID_USER u ON u.ID_ = ?"
                + " LEFT JOIN ACT_ID_MEMBERSHIP m ON m.USER_ID_ = u.ID_ ORDER BY m.GROUP_ID_", rows -> {
                    rows.next();
                    boolean counting = rows.getString(1) != null;
                    Timestamp until = rows.getTimestamp(2);
                    String hash = rows.getString(3);
                    String salt = rows.getString(4);
                    List<String> groups = new java.util.ArrayList<>();
                    do {
                        if (rows.getString(5) != null) {
                            groups.add(rows.getString(5));
                        }
                    } while (rows.next());
                    return new Look(new Standing(counting, running(until)),
                            Optional.ofNullable(hash).map(h -> new StoredPassword(h, salt)), List.copyOf(groups));
                }, key(userId), userId);
    }

    /**
     * The one password check of the built-in identity, with this policy: the user's groups if the password is the
     * user's and the user is not locked, else nothing (the failure counted, a refusal while locked audited). The engine's
     * provider ({@link LockoutIdentityProvider}) and the app's Basic auth ({@link CamundaIdentityAuthenticationProvider})
     * both ask here; {@code passwords} is the engine's password manager, so hashes are compared as the engine does.
     */
    Optional<List<String>> groupsIfCorrect(String userId, String password, PasswordManager passwords) {
        if (userId == null || password == null || userId.isEmpty() || password.isEmpty()) {
            return Optional.empty();
        }
        Look look = look(userId);
        if (refuseWhileLocked(userId, look.standing())) {
            return Optional.empty();
        }
        if (look.password().isPresent() && passwords.check(EncryptionUtil.saltPassword(password, look.password().get().salt()),
                look.password().get().hash())) {
            succeeded(userId, look.standing());
            return Optional.of(look.groups());
        }
        failed(userId);
        return Optional.empty();
    }

    /** The end of the user's current lock, if the user is locked now. */
    public Optional<Instant> lockedUntil(String userId) {
        List<Timestamp> row = jdbc.queryForList("SELECT locked_until FROM login_lock WHERE user_id = ?", Timestamp.class, key(userId));
        return row.isEmpty() ? Optional.empty() : running(row.get(0));
    }

    /** The end of a stored lock if it has not passed yet. */
    private Optional<Instant> running(Timestamp lockedUntil) {
        Instant now = clock.instant();
        return Optional.ofNullable(lockedUntil).map(Timestamp::toInstant).filter(now::isBefore);
    }

    /** Before a password is compared: true (and audited) if the user is locked and must be refused unseen. */
    boolean refuseWhileLocked(String userId, Standing standing) {
        standing.lockedUntil().ifPresent(end -> audit("REFUSED_WHILE_LOCKED", userId, null, "locked until " + end));
        return standing.lockedUntil().isPresent();
    }

    /** A wrong password (or no such user): counts, and locks at the configured number. */
    void failed(String userId) {
        String user = key(userId);
        // the row first, in a transaction of its own: on InnoDB, concurrent inserts of one key that lose hold
        // a shared lock until their transaction ends, and two of them updating next would deadlock
        if (jdbc.queryForObject("SELECT COUNT(*) FROM login_lock WHERE user_id = ?", Integer.class, user) == 0) {
            ownTransaction.executeWithoutResult(status -> {
                try {
                    jdbc.update("INSERT INTO login_lock (user_id, failures, locked_until, updated_at) VALUES (?, 0, NULL, ?)",
                            user, Timestamp.from(clock.instant()));
                } catch (DuplicateKeyException exists) {
                    // a concurrent failure made it: counted below all the same
                }
            });
        }
        ownTransaction.executeWithoutResult(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            countFailure(user, now);
            Map<String, Object> row = jdbc.queryForMap("SELECT failures, locked_until FROM login_lock WHERE user_id = ?", user);
            int failures = ((Number) row.get("failures")).intValue();
            if (row.get("locked_until") != null) {
                // compared before a concurrent guess locked the account: audited, not counted towards a second lock
                insertAudit("LOGIN_FAILED", user, null, "while locked");
                return;
            }
            insertAudit("LOGIN_FAILED", user, null, "consecutive failures " + failures);
            if (failures >= properties.maxFailures()) {
                Instant until = clock.instant().plus(properties.lockDuration());
                jdbc.update("UPDATE login_lock SET failures = 0, locked_until = ?, updated_at = ? WHERE user_id = ?",
                        Timestamp.from(until), now, user);
                insertAudit("ACCOUNT_LOCKED", user, null, failures + " consecutive failures, locked until " + until);
            }
        });
    }

    /** A correct password: the count starts again (a user with no row has nothing to reset: no write per API call). */
    void succeeded(String userId, Standing standing) {
        if (!standing.counting()) {
            return;
        }
        jdbc.update("DELETE FROM login_lock WHERE user_id = ? AND (locked_until IS NULL OR locked_until <= ?)",
                key(userId), Timestamp.from(clock.instant()));
    }

    /** An administrator ends a lock (Camunda Admin's unlock, IdentityService.unlockUser). */
    void unlock(String userId, String actor) {
        String user = key(userId);
        ownTransaction.executeWithoutResult(status -> {
            boolean wasLocked = lockedUntil(user).isPresent();
            if (jdbc.update("DELETE FROM login_lock WHERE user_id = ?", user) > 0 && wasLocked) {
                insertAudit("ACCOUNT_UNLOCKED", user, actor, "unlocked by " + (actor == null ? "the system" : actor));
            }
        });
    }

    private int countFailure(String user, Timestamp now) {
        // a lock that has run out starts a new count; a running lock is not counted into
        return jdbc.update("UPDATE login_lock SET failures = CASE WHEN locked_until IS NULL THEN failures + 1"
                + " WHEN locked_until <= ? THEN 1 ELSE failures END,"
                + " locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN NULL ELSE locked_until END,"
                + " updated_at = ? WHERE user_id = ?", now, now, now, user);
    }

    private void audit(String event, String userId, String actor, String detail) {
        ownTransaction.executeWithoutResult(status -> insertAudit(event, key(userId), actor, detail));
    }

    private void insertAudit(String event, String user, String actor, String detail) {
        jdbc.update("INSERT INTO security_audit (occurred_at, event, user_id, channel, remote_address, actor, detail)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), event, user, SecurityLog.channel(), SecurityLog.remoteAddress(),
                SecurityLog.truncate(actor, MAX_USER_ID), SecurityLog.truncate(detail, 500));
        SecurityLog.event(event, user, detail + (actor == null ? "" : " actor=" + actor));
    }

    private static String key(String userId) {
        return SecurityLog.truncate(userId == null ? "" : userId, MAX_USER_ID);
    }
}

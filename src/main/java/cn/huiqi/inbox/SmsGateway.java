package cn.huiqi.inbox;

/**
 * Sends one SMS. The gateway in use is the bean whose {@link #provider()} equals {@code huiqi.sms.provider}
 * (default {@code log}: {@link LogSmsGateway}, which only logs). A real provider is a Spring bean implementing this
 * interface with its own provider name (docs/notices.md "SMS"). Called after the step's transaction committed; an
 * exception marks the log entry FAILED with its message.
 */
public interface SmsGateway {

    /** The name {@code huiqi.sms.provider} selects this gateway by. */
    String provider();

    /** Sends {@code text} to the mobile number {@code phone} (11 digits, 1[3-9]…). */
    void send(String phone, String text) throws Exception;
}

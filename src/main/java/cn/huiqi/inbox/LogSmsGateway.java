package cn.huiqi.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The default SMS "provider": no gateway is reachable here, so it writes the message to the log, number masked. */
@Component
class LogSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LogSmsGateway.class);

    @Override
    public String provider() {
        return "log";
    }

    @Override
    public void send(String phone, String text) {
        log.info("SMS to {}: {}", MobileNumbers.mask(phone), text);
    }
}

package cn.huiqi.inbox;

import java.util.Optional;

/** Mainland mobile numbers in an enterprise's register entry: only these take an SMS. */
final class MobileNumbers {

    private MobileNumbers() {
    }

    /** The 11-digit mobile number in {@code raw} (spaces, hyphens and a +86 / 86 prefix allowed), if it is one. */
    static Optional<String> mobile(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits.matches("1[3-9][0-9]{9}") ? Optional.of(digits) : Optional.empty();
    }

    /** 138****0000: the first three and last four digits; anything shorter shows as stars. */
    static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 8) {
            return "****";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
}

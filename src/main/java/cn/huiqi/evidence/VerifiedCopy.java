package cn.huiqi.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies stored bytes to a download while checking them against the size and SHA-256 recorded at upload. The last
 * byte is held back until both match: a file changed or cut short in its store never reaches the reader whole (with
 * Content-Length set the client sees a broken download, not a different file), and the error is logged as such.
 */
final class VerifiedCopy {

    private static final int BUFFER = 64 * 1024;

    private VerifiedCopy() {
    }

    /** The stored bytes differ from what was uploaded. */
    static final class ChecksumMismatchException extends IOException {
        ChecksumMismatchException(String message) {
            super(message);
        }
    }

    /** Copies and closes {@code in}; throws {@link ChecksumMismatchException} (with the last byte withheld) on a mismatch. */
    static void copy(long fileId, InputStream in, OutputStream out, long size, String sha256) throws IOException {
        MessageDigest digest = sha256();
        long total = 0;
        int held = -1;
        byte[] buffer = new byte[BUFFER];
        try (in) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (n == 0) {
                    continue;
                }
                digest.update(buffer, 0, n);
                total += n;
                if (total > size) {
                    throw new ChecksumMismatchException("evidence " + fileId + ": the store holds more than the " + size + " bytes uploaded");
                }
                if (held >= 0) {
                    out.write(held);
                }
                out.write(buffer, 0, n - 1);
                held = buffer[n - 1] & 0xFF;
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (total != size || !actual.equalsIgnoreCase(sha256)) {
            throw new ChecksumMismatchException("evidence " + fileId + ": stored bytes (" + total + " bytes, SHA-256 " + actual
                    + ") differ from the upload (" + size + " bytes, SHA-256 " + sha256 + ")");
        }
        if (held >= 0) {
            out.write(held);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.huiqi.evidence;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a file is, from its content only (the name and the client's Content-Type are never believed): PDF
 * ({@code %PDF-}), PNG (its 8-byte signature), JPEG ({@code FF D8 FF}) or OFD (a zip archive whose central directory
 * names {@code OFD.xml}, GB/T 33190). The archive is not inflated, so a zip bomb costs nothing.
 */
enum ContentType {
    PDF("application/pdf", "PDF"),
    OFD("application/ofd", "OFD"),
    JPEG("image/jpeg", "JPG"),
    PNG("image/png", "PNG");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

    final String mediaType;
    final String shortName;

    ContentType(String mediaType, String shortName) {
        this.mediaType = mediaType;
        this.shortName = shortName;
    }

    static Optional<ContentType> of(byte[] bytes) {
        if (startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, new byte[] {'P', 'K', 3, 4}) && zipNames(bytes, "OFD.xml")) {
            return Optional.of(OFD);
        }
        return Optional.empty();
    }

    static Optional<ContentType> ofMediaType(String mediaType) {
        for (ContentType type : values()) {
            if (type.mediaType.equals(mediaType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the zip's central directory has an entry of exactly this name (at the root of the archive). */
    static boolean zipNames(byte[] bytes, String wanted) {
        ByteBuffer zip = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int minimumEnd = 22;
        int lowest = Math.max(0, bytes.length - minimumEnd - 0xFFFF); // the comment is at most 65535 bytes
        for (int at = bytes.length - minimumEnd; at >= lowest; at--) {
            if (zip.getInt(at) != END_OF_CENTRAL_DIRECTORY) {
                continue;
            }
            int entries = zip.getShort(at + 10) & 0xFFFF;
            long offset = zip.getInt(at + 16) & 0xFFFFFFFFL;
            int position = (int) Math.min(offset, Integer.MAX_VALUE);
            for (int i = 0; i < entries && position >= 0 && position + 46 <= bytes.length; i++) {
                if (zip.getInt(position) != CENTRAL_DIRECTORY_ENTRY) {
                    return false;
                }
                int nameLength = zip.getShort(position + 28) & 0xFFFF;
                int extraLength = zip.getShort(position + 30) & 0xFFFF;
                int commentLength = zip.getShort(position + 32) & 0xFFFF;
                if (position + 46 + nameLength > bytes.length) {
                    return false;
                }
                String name = new String(bytes, position + 46, nameLength, StandardCharsets.UTF_8);
                if (name.equals(wanted)) {
                    return true;
                }
                position += 46 + nameLength + extraLength + commentLength;
            }
            return false;
        }
        return false;
    }
}

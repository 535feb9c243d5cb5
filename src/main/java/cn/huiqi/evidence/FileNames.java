package cn.huiqi.evidence;

import java.text.Normalizer;

import cn.huiqi.common.InvalidInputException;

/**
 * The name a client gave a file, made fit for display only (it never names anything on disk): the last part of a
 * path ({@code ../../etc/passwd.pdf} and {@code C:\x\a.pdf} keep {@code passwd.pdf} and {@code a.pdf}), NFC, at most
 * {@link #MAX_LENGTH} characters (the extension kept). A name with control or formatting characters (NUL, CR/LF, the
 * bidirectional overrides that make {@code fdp.exe} look like {@code exe.pdf}) is refused: no honest client sends one.
 */
final class FileNames {

    static final int MAX_LENGTH = 120;

    private FileNames() {
    }

    static String forDisplay(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid();
        }
        boolean refused = raw.codePoints().anyMatch(c -> {
            int type = Character.getType(c);
            return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE
                    || c == 0x2028 || c == 0x2029;
        });
        if (refused) {
            throw new InvalidInputException("file", "文件名含有不允许的控制字符", "The file name contains control characters, which are not allowed");
        }
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        while (name.startsWith(".")) {
            name = name.substring(1).strip();
        }
        if (name.isEmpty()) {
            throw invalid();
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            String stem = name.substring(0, name.length() - extension.length());
            int keep = MAX_LENGTH - extension.codePointCount(0, extension.length()) - 1;
            name = stem.substring(0, stem.offsetByCodePoints(0, keep)) + "…" + extension;
        }
        return name;
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("file", "请给出文件名", "The file needs a name");
    }
}

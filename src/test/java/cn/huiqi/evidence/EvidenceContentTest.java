package cn.huiqi.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.huiqi.common.InvalidInputException;

/** What a file is (by content), what its name may be, and the directory store, without the application. */
class EvidenceContentTest {

    @Test
    void theTypeComesFromTheContentOnly() throws Exception {
        assertThat(ContentType.of("%PDF-1.4 ...".getBytes(StandardCharsets.US_ASCII))).hasValue(ContentType.PDF);
        assertThat(ContentType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0})).hasValue(ContentType.JPEG);
        assertThat(ContentType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).hasValue(ContentType.PNG);
        assertThat(ContentType.of(zip("Doc_0/Document.xml", "OFD.xml"))).hasValue(ContentType.OFD);
        assertThat(ContentType.of(zip("Doc_0/OFD.xml"))).as("OFD.xml must be at the root").isEmpty();
        assertThat(ContentType.of("<html><script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ContentType.of(" %PDF-1.4".getBytes(StandardCharsets.US_ASCII))).as("a PDF starts with %PDF-").isEmpty();
        assertThat(ContentType.of(new byte[] {'P', 'K', 3, 4})).as("a truncated zip").isEmpty();
    }

    @Test
    void aNameIsForDisplayOnly() {
        assertThat(FileNames.forDisplay("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(FileNames.forDisplay("C:\\Users\\张三\\合同.pdf")).isEqualTo("合同.pdf");
        assertThat(FileNames.forDisplay("..hidden.pdf")).isEqualTo("hidden.pdf");
        String longName = "很".repeat(300) + ".pdf";
        assertThat(FileNames.forDisplay(longName)).endsWith("….pdf").hasSize(FileNames.MAX_LENGTH);
        for (String refused : new String[] {"a\u0000.pdf", "a\r\n.pdf", "invoice\u202Efdp.exe", "a\u2028.pdf"}) {
            assertThatThrownBy(() -> FileNames.forDisplay(refused)).as(refused).isInstanceOf(InvalidInputException.class);
        }
        for (String empty : new String[] {"", "   ", "../", "..", "/"}) {
            assertThatThrownBy(() -> FileNames.forDisplay(empty)).as(empty).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void theDirectoryStoreNamesFilesByIdAndReturnsTheBytes(@TempDir Path root) throws Exception {
        DirectoryEvidenceStore store = new DirectoryEvidenceStore(root);
        byte[] bytes = "%PDF-1.7 directory".getBytes(StandardCharsets.US_ASCII);
        store.write(12345, bytes);
        assertThat(store.pathOf(12345)).isEqualTo(root.toAbsolutePath().resolve("01").resolve("23").resolve("12345"));
        assertThat(Files.readAllBytes(store.pathOf(12345))).isEqualTo(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VerifiedCopy.copy(12345, store.open(12345), out, bytes.length, EvidenceFiles.sha256(bytes));
        assertThat(out.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void theDownloadNameIsAnRfc5987Attachment() {
        assertThat(EvidenceController.attachment("合同 \"a\";b*.pdf"))
                .isEqualTo("attachment; filename=\"__ _a__b*.pdf\"; filename*=UTF-8''%E5%90%88%E5%90%8C%20%22a%22%3Bb%2A.pdf");
    }

    private static byte[] zip(String... entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}

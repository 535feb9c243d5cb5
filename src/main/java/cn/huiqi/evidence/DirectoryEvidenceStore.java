package cn.huiqi.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The bytes in a directory ({@code huiqi.evidence.directory}; shared by all nodes when there are several), one file
 * per id under a two-level fan-out ({@code 00/12/12345}, {@link EvidenceStore#key}). The name a client sent never
 * reaches the file system.
 */
class DirectoryEvidenceStore implements EvidenceStore {

    private final Path root;

    DirectoryEvidenceStore(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    }

    @Override
    public String name() {
        return "DIRECTORY";
    }

    Path pathOf(long fileId) {
        return root.resolve(EvidenceStore.key(fileId));
    }

    @Override
    public void write(long fileId, byte[] bytes) throws IOException {
        Path target = pathOf(fileId);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "upload-", ".part");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public InputStream open(long fileId) throws IOException {
        return Files.newInputStream(pathOf(fileId));
    }

    @Override
    public void delete(long fileId) throws IOException {
        Files.deleteIfExists(pathOf(fileId));
    }
}

package cn.huiqi.evidence;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of evidence files live; the metadata (name, type, size, checksum, case) is always in table
 * {@code evidence_file}. Chosen by {@code huiqi.evidence.store} ({@link EvidenceStores}): {@code database} (default,
 * {@link DatabaseEvidenceStore}: works on several nodes with no further service), {@code directory}
 * ({@link DirectoryEvidenceStore}, a shared directory) or {@code s3} ({@link S3EvidenceStore}, an S3-compatible
 * bucket). Every store is read through {@link VerifiedCopy}, which checks size and SHA-256 against the row; the same
 * contract test runs against each (EvidenceStoreContract).
 */
public interface EvidenceStore {

    /** The name recorded in {@code evidence_file.store}. */
    String name();

    /** Stores the bytes of a file whose row exists, inside the caller's transaction where the store has one. */
    void write(long fileId, byte[] bytes) throws IOException;

    /**
     * The stored bytes, read in pieces (never the whole file in memory at once). Opened before anything is sent, so a
     * store that cannot be reached answers 503 ({@link cn.huiqi.common.ServiceUnavailableException}) instead of half a file.
     */
    InputStream open(long fileId) throws IOException;

    /** Removes the bytes (inside the caller's transaction where the store has one); a file already gone is no error. */
    void delete(long fileId) throws IOException;

    /** Where a file lives below a store's root, the same for the directory and S3 stores: {@code 01/23/12345}. */
    static String key(long fileId) {
        String padded = String.format("%06d", fileId);
        return padded.substring(0, 2) + "/" + padded.substring(2, 4) + "/" + fileId;
    }
}

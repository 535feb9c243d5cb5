package cn.huiqi.evidence;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where the bytes of evidence files live; the metadata (name, type, size, checksum, case) is always in table
 * {@code evidence_file}. Chosen by {@code huiqi.evidence.store}: {@code database} (default, {@link DatabaseEvidenceStore}:
 * works on several nodes with no further service) or {@code directory} ({@link DirectoryEvidenceStore}, a shared
 * directory). An S3-compatible store is a further implementation of this interface (docs/evidence.md).
 */
public interface EvidenceStore {

    /** The name recorded in {@code evidence_file.store}. */
    String name();

    /** Stores the bytes of a file whose row exists, inside the caller's transaction where the store has one. */
    void write(long fileId, byte[] bytes) throws IOException;

    /** Copies the bytes of a file to the output, in pieces (never the whole file in memory at once). */
    void copyTo(long fileId, OutputStream out) throws IOException;
}

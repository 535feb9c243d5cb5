/**
 * 申报材料 Evidence files: the documents each measure asks for ({@link cn.huiqi.evidence.RequiredDocuments}, declared
 * next to the measure), uploads checked by their content (PDF, OFD, JPG, PNG; size limit), stored outside the engine
 * with a checksum ({@link cn.huiqi.evidence.EvidenceStore}: the database in chunks, a directory or an S3-compatible
 * bucket; verified on read), drafts claimed by an
 * application (old unclaimed ones cleared), downloads authorized like the case and logged (docs/evidence.md).
 */
@ApplicationModule(displayName = "申报材料 Evidence files",
        allowedDependencies = { "common", "catalogue", "unit", "identity", "enterprise", "casefile" })
package cn.huiqi.evidence;

import org.springframework.modulith.ApplicationModule;

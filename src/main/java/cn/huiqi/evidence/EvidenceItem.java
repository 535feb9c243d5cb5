package cn.huiqi.evidence;

import java.time.Instant;

/**
 * One evidence file as pages, forms and the API show it: the kind with its labels, the order it belongs to (measure 1),
 * the name for display, what the content is, its size and checksum, who uploaded it and when, and whether it came
 * with the application ({@code supplementRound} 0) or while the case awaited a supplement (补正; {@code
 * addedAfterLatestSendBack} for the files of the latest send-back). {@code href} downloads it.
 */
public record EvidenceItem(long id, String kind, String kindZh, String kindEn, Integer orderIndex, String fileName,
                           String mediaType, String format, long size, String sha256, String uploadedBy, Instant uploadedAt,
                           int supplementRound, boolean addedAfterLatestSendBack, String href) {
}

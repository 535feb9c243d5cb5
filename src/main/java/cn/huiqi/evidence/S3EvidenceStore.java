package cn.huiqi.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import cn.huiqi.common.ServiceUnavailableException;

/**
 * The bytes in a bucket of an S3-compatible store (AWS S3, MinIO, Ceph RGW, a cloud's object storage), one object per
 * id: {@code prefix + 01/23/12345} ({@link EvidenceStore#key}), the client's name never part of it. Bytes go from the
 * upload straight to the bucket and back (never through the engine). The bucket is the operator's: this store neither
 * creates nor lists it. When the store cannot be reached or refuses the credentials, uploads and downloads answer
 * 503 ({@link ServiceUnavailableException}) and nothing is stored.
 */
class S3EvidenceStore implements EvidenceStore, AutoCloseable {

    /** {@code huiqi.evidence.s3.*}; the secret key is never logged nor part of any message. */
    record Settings(String endpoint, String region, String bucket, String accessKey, String secretKey, boolean pathStyle,
                    String keyPrefix, Duration connectTimeout, Duration requestTimeout) {

        @Override
        public String toString() {
            return "S3 bucket " + bucket + " at " + (endpoint.isBlank() ? "AWS " + region : endpoint) + " (prefix '" + keyPrefix + "')";
        }
    }

    private final S3Client s3;
    private final Settings settings;

    S3EvidenceStore(Settings settings) {
        this.settings = settings;
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .forcePathStyle(settings.pathStyle())
                // many S3-compatible servers do not understand the SDK's default trailing CRC checksums; the SHA-256
                // of evidence_file is the check that counts (VerifiedCopy)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // nor the aws-chunked upload encoding the SDK uses over plain http: the body is signed whole (it is in
                // memory anyway, at most huiqi.evidence.max-size)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.requestTimeout()))
                .overrideConfiguration(o -> o.apiCallTimeout(settings.requestTimeout().multipliedBy(2)));
        if (!settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.s3 = builder.build();
    }

    @Override
    public String name() {
        return "S3";
    }

    String objectKey(long fileId) {
        return settings.keyPrefix() + EvidenceStore.key(fileId);
    }

    @Override
    public void write(long fileId, byte[] bytes) {
        call(() -> s3.putObject(put -> put.bucket(settings.bucket()).key(objectKey(fileId)).contentLength((long) bytes.length)
                .contentType("application/octet-stream"), RequestBody.fromBytes(bytes)));
    }

    @Override
    public InputStream open(long fileId) throws IOException {
        try {
            return call(() -> s3.getObject(get -> get.bucket(settings.bucket()).key(objectKey(fileId))));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(settings.bucket() + "/" + objectKey(fileId));
        }
    }

    @Override
    public void delete(long fileId) {
        // S3's DeleteObject answers 204 whether or not the object was there
        call(() -> s3.deleteObject(delete -> delete.bucket(settings.bucket()).key(objectKey(fileId))));
    }

    @Override
    public void close() {
        s3.close();
    }

    private <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (NoSuchKeyException e) {
            throw e;
        } catch (S3Exception e) {
            // 403 (credentials), 404 NoSuchBucket, 5xx: the store is not usable as configured
            throw unavailable(e.statusCode() + " " + (e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode()));
        } catch (SdkException e) {
            // connection refused, timeouts, DNS: the store cannot be reached
            throw unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private ServiceUnavailableException unavailable(String what) {
        return new ServiceUnavailableException("file", "材料存储服务暂时无法访问，文件未保存也未读取，请稍后重试",
                "The evidence file store cannot be reached at the moment; nothing was stored or read. Please try again later",
                settings + ": " + what);
    }
}

package cn.huiqi.identity;

import java.time.Duration;
import java.util.function.Function;

import org.camunda.bpm.extension.keycloak.cache.QueryCache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The identity plugin's query cache with any expiry (the plugin's own setting counts whole minutes):
 * group memberships are looked up again at most {@code ttl} after Keycloak answered.
 */
final class ExpiringQueryCache<K, V> implements QueryCache<K, V> {

    private final Cache<K, V> cache;

    ExpiringQueryCache(Duration ttl, int maxSize) {
        this.cache = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl).build();
    }

    @Override
    public V getOrCompute(K key, Function<K, V> computation) {
        return cache.get(key, computation);
    }

    @Override
    public void clear() {
        cache.invalidateAll();
    }
}

package ru.kredo.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BlockingBucket;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Spaces the requests Kredo sends to one outside account (an amoCRM account, a Bitrix24 portal) at least so far
 * apart, whoever sends them: a Bucket4j bucket of one token per key, refilled once per spacing; a request waits for
 * its token. {@link RateLimits#pace} keeps the buckets in PostgreSQL, one count for all nodes; {@link #local} in this
 * process only (for a client made without a database, as its unit tests make it).
 */
public final class Pace {

	private final Function<String, BlockingBucket> buckets;

	private Pace(Function<String, BlockingBucket> buckets) {
		this.buckets = buckets;
	}

	static Pace of(Function<String, BlockingBucket> buckets) {
		return new Pace(buckets);
	}

	/** The bucket every pace starts from: one request, then one more per {@code spacing}. */
	static BucketConfiguration configuration(Duration spacing) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, spacing).build())
			.build();
	}

	/** A pace kept in this process's memory. */
	public static Pace local(Duration spacing) {
		BucketConfiguration configuration = configuration(spacing);
		Map<String, Bucket> buckets = new ConcurrentHashMap<>();
		return new Pace(key -> buckets.computeIfAbsent(key, k -> Bucket.builder()
			.addLimit(configuration.getBandwidths()[0]).build()).asBlocking());
	}

	/** Waits until the key's next request may go. */
	public void await(String key) {
		try {
			buckets.apply(key).consume(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}

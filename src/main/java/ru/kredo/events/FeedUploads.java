package ru.kredo.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.events.internal.FeedUploadRecords;
import ru.kredo.platform.Cursor;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Paging;
import ru.kredo.tenancy.TenantId;

/**
 * The platform's deliveries of credit events, newest first: each feed's pushes (by its API key) and the files the
 * operator and the command line imported, with their counts (docs/credit-events.md, «Feeds»). The platform's own
 * rows: nothing here belongs to a broker or an agency.
 */
@Service
public class FeedUploads {

	private static final String NEWEST_FIRST = " order by started_at desc, id desc";

	private final JdbcClient jdbc;
	private final FeedUploadRecords records;

	FeedUploads(JdbcClient jdbc, FeedUploadRecords records) {
		this.jdbc = jdbc;
		this.records = records;
	}

	/**
	 * Which deliveries a list keeps: one feed's (its key), or those of a channel; {@code null}s keep all.
	 */
	public record Filter(UUID apiKeyId, UploadSource.Channel channel) {

		public static final Filter ALL = new Filter(null, null);

		public static Filter feed(UUID apiKeyId) {
			return new Filter(apiKeyId, null);
		}

		String where(List<Object> params) {
			StringBuilder where = new StringBuilder(" where tenant_id = ?");
			params.add(TenantId.PLATFORM.value());
			if (apiKeyId != null) {
				where.append(" and api_key_id = ?");
				params.add(apiKeyId);
			}
			if (channel != null) {
				where.append(" and channel = ?");
				params.add(channel.name());
			}
			return where.toString();
		}
	}

	public FeedUpload get(UUID id) {
		return jdbc.sql("select " + FeedUploadRecords.COLUMNS + " from feed_uploads where tenant_id = ? and id = ?")
			.params(TenantId.PLATFORM.value(), id)
			.query((row, n) -> records.upload(row))
			.optional()
			.orElseThrow(() -> new NotFound("feed-upload.not-found", id));
	}

	/** A page of the deliveries {@code filter} keeps, newest first, with their total. */
	public ListPage<FeedUpload> page(Filter filter, Paging paging) {
		List<Object> params = new ArrayList<>();
		String where = filter.where(params);
		List<Object> rows = new ArrayList<>(params);
		rows.add(paging.limit());
		rows.add(paging.offset());
		List<FeedUpload> items = jdbc.sql("select " + FeedUploadRecords.COLUMNS + " from feed_uploads" + where
				+ NEWEST_FIRST + " limit ? offset ?")
			.params(rows)
			.query((row, n) -> records.upload(row))
			.list();
		return ListPage.of(items, count(filter), paging);
	}

	/** The files' page: the operator's uploads and the command line's imports, newest first. */
	public ListPage<FeedUpload> files(Paging paging) {
		List<FeedUpload> items = jdbc.sql("select " + FeedUploadRecords.COLUMNS + " from feed_uploads"
				+ " where tenant_id = ? and api_key_id is null" + NEWEST_FIRST + " limit ? offset ?")
			.params(TenantId.PLATFORM.value(), paging.limit(), paging.offset())
			.query((row, n) -> records.upload(row))
			.list();
		long total = jdbc.sql("select count(*) from feed_uploads where tenant_id = ? and api_key_id is null")
			.param(TenantId.PLATFORM.value())
			.query(Long.class)
			.single();
		return ListPage.of(items, total, paging);
	}

	/** Up to {@code limit} deliveries after {@code after} (null: from the newest), newest first: an API page. */
	public List<FeedUpload> after(Filter filter, Cursor after, int limit) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("select " + FeedUploadRecords.COLUMNS + " from feed_uploads")
			.append(filter.where(params));
		if (after != null) {
			sql.append(" and (started_at, id) < (?, ?)");
			params.add(Timestamp.from(after.at()));
			params.add(after.id());
		}
		sql.append(NEWEST_FIRST).append(" limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query((row, n) -> records.upload(row)).list();
	}

	public long count(Filter filter) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("select count(*) from feed_uploads" + filter.where(params))
			.params(params)
			.query(Long.class)
			.single();
	}

	/** What each feed (by its key) has delivered: how many uploads, the last one's start, and their sums. */
	public Map<UUID, FeedTotals> totalsByFeed() {
		Map<UUID, FeedTotals> totals = new HashMap<>();
		jdbc.sql("""
				select api_key_id, count(*) as uploads, max(started_at) as last_upload_at, sum(accepted) as accepted,
				    sum(matched) as matched, sum(signals_raised) as signals_raised
				from feed_uploads where tenant_id = ? and api_key_id is not null group by api_key_id""")
			.param(TenantId.PLATFORM.value())
			.query(row -> {
				totals.put(row.getObject("api_key_id", UUID.class), new FeedTotals(row.getLong("uploads"),
						row.getTimestamp("last_upload_at").toInstant(), row.getLong("accepted"), row.getLong("matched"),
						row.getLong("signals_raised")));
			});
		return totals;
	}

	/** A feed's deliveries summed up. */
	public record FeedTotals(long uploads, Instant lastUploadAt, long accepted, long matched, long signalsRaised) {
	}
}

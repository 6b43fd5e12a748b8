package ru.kredo.conversations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.collections.DebtId;
import ru.kredo.collections.Dispute;
import ru.kredo.collections.DisputeAttachments;
import ru.kredo.collections.DisputeReason;
import ru.kredo.collections.Disputes;
import ru.kredo.contacts.ContactId;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;

/**
 * The files a debtor attaches to his dispute (a receipt, a bank's statement): checked exactly as a conversation's
 * files are ({@link Conversations#checked}: PDF, JPEG or PNG by content, not empty, within
 * {@code kredo.conversations.max-attachment-size}), at most {@link #MAX_FILES} a dispute, sealed like them, kept three
 * years at least (docs/retention.md). Only the debtor who attached them and his agency's staff open them; anyone
 * else's request is "not found". The staff's side is {@link DisputeAttachments}, which {@code collections} declares.
 */
@Service
public class DisputeFiles implements DisputeAttachments {

	/** The most files one dispute takes. */
	public static final int MAX_FILES = 5;
	static final String FILE_NAME = "dispute_attachments.file_name";
	static final String CONTENT = "dispute_attachments.content";

	private final JdbcClient jdbc;
	private final Conversations conversations;
	private final Disputes disputes;
	private final PersonalData personalData;
	private final Clock clock;

	DisputeFiles(JdbcClient jdbc, Conversations conversations, Disputes disputes, PersonalData personalData,
			Clock clock) {
		this.jdbc = jdbc;
		this.conversations = conversations;
		this.disputes = disputes;
		this.personalData = personalData;
		this.clock = clock;
	}

	/**
	 * The debtor disputes his debt ({@link Disputes#open}) with these files, in one transaction: every wrong field —
	 * the explanation, the files (too many, or one empty, too large or of another type) — is named at once before
	 * anything is written, so a dispute never stands without the files he meant to send.
	 *
	 * @throws InvalidFields {@code explanation}, {@code files}
	 * @throws Rejected as {@link Disputes#open} refuses (closed, already disputed)
	 * @throws NotFound another debtor's debt
	 */
	@Transactional
	public Dispute open(TenantId tenant, ContactId debtor, DebtId debt, DisputeReason reason, String explanation,
			List<Upload> files) {
		Map<String, Rejected> wrong = new LinkedHashMap<>();
		List<Conversations.Checked> checked = new ArrayList<>();
		try {
			Disputes.checkedExplanation(explanation);
		}
		catch (InvalidFields invalid) {
			wrong.putAll(invalid.errors());
		}
		try {
			if (files.size() > MAX_FILES) {
				throw new Rejected("dispute.too-many-files", MAX_FILES);
			}
			for (Upload file : files) {
				checked.add(conversations.checked(file));
			}
		}
		catch (Rejected refused) {
			wrong.put("files", refused);
		}
		if (!wrong.isEmpty()) {
			throw new InvalidFields(wrong);
		}
		Dispute dispute = disputes.open(tenant, debtor, debt, reason, explanation);
		Timestamp now = Timestamp.from(clock.instant());
		for (Conversations.Checked file : checked) {
			jdbc.sql("""
					insert into dispute_attachments (id, tenant_id, dispute_id, contact_id, file_name, content_type, size,
					    content, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), tenant.value(), dispute.id(), debtor.value(),
						personalData.seal(FILE_NAME, file.name()).bytes(), file.type().mediaType(), file.content().length,
						personalData.sealBytes(CONTENT, file.content()).bytes(), now)
				.update();
		}
		return dispute;
	}

	@Override
	public Map<UUID, List<Listed>> of(TenantId tenant, Collection<UUID> disputes) {
		Map<UUID, List<Listed>> files = new LinkedHashMap<>();
		if (disputes.isEmpty()) {
			return files;
		}
		jdbc.sql("""
				select id, dispute_id, file_name, content_type, size from dispute_attachments
				where tenant_id = ? and dispute_id = any(?::uuid[]) order by created_at, id""")
			.params(tenant.value(), disputes.stream().map(UUID::toString).toArray(String[]::new))
			.query(row -> {
				files.computeIfAbsent(row.getObject("dispute_id", UUID.class), id -> new ArrayList<>())
					.add(new Listed(row.getObject("id", UUID.class),
							personalData.open(FILE_NAME, new Sealed(row.getBytes("file_name"))),
							row.getString("content_type"), row.getInt("size")));
			});
		return files;
	}

	@Override
	public Opened open(TenantId tenant, UUID dispute, UUID file) {
		return jdbc.sql("""
				select file_name, content_type, content from dispute_attachments
				where tenant_id = ? and dispute_id = ? and id = ?""")
			.params(tenant.value(), dispute, file)
			.query((row, n) -> opened(row)).optional()
			.orElseThrow(() -> new NotFound("attachment.not-found", file));
	}

	/** The files of the debtor's own disputes, by dispute, for his cabinet. */
	public Map<UUID, List<Listed>> ofDebtor(TenantId tenant, ContactId debtor) {
		Map<UUID, List<Listed>> files = new LinkedHashMap<>();
		jdbc.sql("""
				select id, dispute_id, file_name, content_type, size from dispute_attachments
				where tenant_id = ? and contact_id = ? order by created_at, id""")
			.params(tenant.value(), debtor.value())
			.query(row -> {
				files.computeIfAbsent(row.getObject("dispute_id", UUID.class), id -> new ArrayList<>())
					.add(new Listed(row.getObject("id", UUID.class),
							personalData.open(FILE_NAME, new Sealed(row.getBytes("file_name"))),
							row.getString("content_type"), row.getInt("size")));
			});
		return files;
	}

	/**
	 * One file of the debtor's own dispute.
	 *
	 * @throws NotFound another debtor's, another agency's, or none
	 */
	public Opened openForDebtor(TenantId tenant, ContactId debtor, DebtId debt, UUID file) {
		return jdbc.sql("""
				select a.file_name, a.content_type, a.content from dispute_attachments a
				join debt_disputes x on x.tenant_id = a.tenant_id and x.id = a.dispute_id
				where a.tenant_id = ? and a.contact_id = ? and x.debt_id = ? and a.id = ?""")
			.params(tenant.value(), debtor.value(), debt.value(), file)
			.query((row, n) -> opened(row)).optional()
			.orElseThrow(() -> new NotFound("attachment.not-found", file));
	}

	private Opened opened(ResultSet row) throws SQLException {
		return new Opened(personalData.open(FILE_NAME, new Sealed(row.getBytes("file_name"))),
				row.getString("content_type"), personalData.openBytes(CONTENT, new Sealed(row.getBytes("content"))));
	}
}

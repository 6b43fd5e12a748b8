package ru.kredo.cabinet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.collections.Offers;
import ru.kredo.collections.PartInterval;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;

/**
 * An agency's debtors for the cabinet benchmark. Debtor {@code i} is the same person on every run (ФИО, birth date,
 * passport and phone follow from {@code i}), so a run can sign in as any of them; ids are random. Contacts go through
 * {@link Contacts#addOrFind} (sealed and indexed by the application itself, so the cabinet opens them); their debts,
 * offers and payments are made with set-based SQL from the contacts, as an agency's upload would leave them:
 * 1–3 debts each, one in twenty closed, a fifth with 1–3 payments, offers of the agency's rule on a third of the debts
 * that qualify (some accepted, some lapsed; the cabinet makes the rest when a debtor first looks).
 */
final class BenchmarkDebtors {

	private static final String[] MEN = { "Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений",
			"Иван", "Михаил", "Николай", "Владимир", "Павел", "Артём", "Олег", "Виктор", "Юрий" };
	private static final String[] WOMEN = { "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна",
			"Мария", "Екатерина", "Юлия", "Марина", "Галина", "Людмила", "Надежда", "Дарья", "Ксения" };
	private static final String[] LAST_NAMES = { "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров",
			"Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
			"Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров" };
	private static final String[][] PATRONYMICS = { { "Александрович", "Александровна" },
			{ "Сергеевич", "Сергеевна" }, { "Дмитриевич", "Дмитриевна" }, { "Андреевич", "Андреевна" },
			{ "Алексеевич", "Алексеевна" }, { "Иванович", "Ивановна" }, { "Михайлович", "Михайловна" },
			{ "Николаевич", "Николаевна" }, { "Владимирович", "Владимировна" }, { "Павлович", "Павловна" },
			{ "Викторович", "Викторовна" }, { "Юрьевич", "Юрьевна" } };
	private static final int CHUNK = 2_000;

	private final JdbcClient jdbc;
	private final Contacts contacts;
	private final Offers offers;

	BenchmarkDebtors(JdbcClient jdbc, Contacts contacts, Offers offers) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.offers = offers;
	}

	/** Debtor {@code i}: a man or a woman with a patronymic, born 1955–2004, a unique passport and mobile phone. */
	static PersonDetails person(int i) {
		boolean woman = i % 2 == 1;
		int h = Integer.rotateLeft(i * 0x9E3779B1, 7);
		String last = LAST_NAMES[Math.floorMod(h, LAST_NAMES.length)] + (woman ? "а" : "");
		String first = (woman ? WOMEN : MEN)[Math.floorMod(h >>> 8, 16)];
		String middle = PATRONYMICS[Math.floorMod(h >>> 16, PATRONYMICS.length)][woman ? 1 : 0];
		LocalDate born = LocalDate.of(1955, 1, 1).plusDays(Math.floorMod(h, 18_250));
		PassportNumber passport = new PassportNumber("%04d".formatted(4500 + i / 1_000_000), "%06d".formatted(i % 1_000_000));
		PhoneNumber phone = new PhoneNumber("+7916" + "%07d".formatted(i));
		return new PersonDetails(new FullName(last, first, middle), born, passport, null, null, phone, null);
	}

	/** Loads debtors {@code 0..count-1} into the agency, in chunks of 2,000 on two threads; then their debts. */
	void load(TenantId agency, int count) throws Exception {
		try (ExecutorService workers = Executors.newFixedThreadPool(2)) {
			List<Future<?>> chunks = new ArrayList<>();
			for (int from = 0; from < count; from += CHUNK) {
				int start = from;
				int end = Math.min(count, from + CHUNK);
				chunks.add(workers.submit(() -> {
					List<PersonDetails> people = new ArrayList<>(end - start);
					for (int i = start; i < end; i++) {
						people.add(person(i));
					}
					contacts.addOrFind(agency, people);
				}));
			}
			for (Future<?> chunk : chunks) {
				chunk.get();
			}
		}
		debts(agency);
		payments(agency);
		offers.addRule(agency, "Скидка 30% при просрочке от 180 дней", 180, Money.ofRoubles("10000"), 30, 30,
				new PartPolicy(3, PartInterval.MONTH, 5));
		offers(agency);
		for (String table : List.of("contacts", "debts", "debt_payments", "payments", "offers", "offer_parts")) {
			jdbc.sql("vacuum analyze " + table).update();
		}
	}

	private void debts(TenantId agency) {
		jdbc.sql("""
				insert into debts (id, tenant_id, contact_id, original_creditor, contract_number, contract_date,
				    assignment_date, state_duty, fees, interest, principal, penalties, original_total, days_past_due,
				    closed_on, created_at, state, closed_as)
				select gen_random_uuid(), d.tenant_id, d.contact_id,
				    (array['ООО МФК «Быстроденьги»', 'ПАО «Банк Восток»', 'ООО МКК «Займер»', 'АО «Кредит Европа Банк»',
				           'ООО МФК «Мани Мен»', 'ПАО «Совкомбанк»'])[1 + d.h % 6],
				    'Д-' || upper(substr(md5(d.contact_id::text || d.k), 1, 10)),
				    date '2018-01-01' + d.h % 2000, date '2023-06-01' + d.h % 700,
				    case when d.closed then 0 else (d.h % 4) * 150000 end,
				    case when d.closed then 0 else (d.h % 3) * 50000 end,
				    case when d.closed then 0 else d.principal * (d.h % 70) / 100 end,
				    case when d.closed then 0 else d.principal end,
				    case when d.closed then 0 else d.principal * (d.h % 25) / 100 end,
				    d.principal * (100 + d.h % 70 + d.h % 25) / 100,
				    30 + d.h % 1500,
				    case when d.closed then current_date - d.h % 300 end,
				    now(), case when d.closed then 'CLOSED' else 'OPEN' end, case when d.closed then 'PAID' end
				from (select c.tenant_id, c.id as contact_id, k, abs(hashtext(c.id::text || k)) as h,
				          abs(hashtext(c.id::text || k)) % 20 = 0 as closed,
				          (500000 + abs(hashtext(c.id::text || k || 'p')) % 29500000)::bigint as principal
				      from contacts c, generate_series(1, 1 + abs(hashtext(c.id::text)) % 3) k
				      where c.tenant_id = ?) d""")
			.param(agency.value())
			.update();
	}

	/** A fifth of the open debts were paid down 1–3 times: the payments and how each applied (to the interest). */
	private void payments(TenantId agency) {
		jdbc.sql("""
				with paid as materialized (
				    select d.tenant_id, d.id as debt_id, gen_random_uuid() as payment_id,
				        (50000 + abs(hashtext(d.id::text || k)) % 1000000)::bigint as amount,
				        now() - ((k * 30 + abs(hashtext(d.id::text)) % 30) * interval '1 day') as paid_at
				    from debts d, generate_series(1, 1 + abs(hashtext(d.id::text || 'n')) % 3) k
				    where d.tenant_id = ? and d.closed_on is null and abs(hashtext(d.id::text)) % 5 = 1),
				stored as (
				    insert into payments (id, tenant_id, debt_id, amount_kopecks, method, status, idempotence_key, provider,
				        provider_payment_id, return_url, created_at, updated_at, settled_at)
				    select payment_id, tenant_id, debt_id, amount, 'BANK_CARD', 'SUCCEEDED', payment_id::text, 'sandbox',
				        'bench-' || payment_id, '/cabinet', paid_at, paid_at, paid_at from paid),
				totals as (
				    update debts d set original_total = d.original_total + t.amount
				    from (select debt_id, sum(amount) as amount from paid group by debt_id) t where d.id = t.debt_id)
				insert into debt_payments (tenant_id, debt_id, payment_id, amount, state_duty, fees, interest, principal,
				    penalties, paid_at)
				select tenant_id, debt_id, payment_id, amount, 0, 0, amount, 0, 0, paid_at from paid""")
			.param(agency.value())
			.update();
	}

	/**
	 * Offers of the agency's rule on a third of the debts it qualifies, made ten days ago (the rule made them all when it
	 * was added): most open, some accepted (to be paid in three monthly parts, so their page shows a schedule), some
	 * lapsed.
	 */
	private void offers(TenantId agency) {
		jdbc.sql("""
				insert into offers (id, tenant_id, debt_id, rule_id, rule_name, discount_percent, full_amount, offer_amount,
				    valid_until, status, accepted_at, paid_since_accepted, max_parts, part_interval, grace_days, created_at)
				select gen_random_uuid(), d.tenant_id, d.id, r.id, r.name, r.discount_percent, d.total,
				    d.total - d.total * r.discount_percent / 100,
				    case when d.h % 7 = 0 then current_date - 3 else current_date + 20 end,
				    case when d.h % 5 = 0 then 'ACCEPTED' else 'OFFERED' end,
				    case when d.h % 5 = 0 then now() - interval '2 days' end, 0, r.max_parts, r.part_interval, r.grace_days,
				    now() - interval '10 days'
				from (select id, tenant_id, abs(hashtext(id::text || 'o')) as h,
				          state_duty + fees + interest + principal + penalties as total
				      from debts where tenant_id = ? and closed_on is null and days_past_due >= 180) d
				join offer_rules r on r.tenant_id = d.tenant_id and d.total >= r.min_balance
				where d.h % 3 = 0
				on conflict (debt_id) do update set valid_until = excluded.valid_until, status = excluded.status,
				    accepted_at = excluded.accepted_at, created_at = excluded.created_at""")
			.param(agency.value())
			.update();
		jdbc.sql("""
				insert into offer_parts (tenant_id, offer_id, number, due_on, amount)
				select o.tenant_id, o.id, n, o.valid_until + (n - 1) * interval '1 month',
				    o.offer_amount / 3 + case when n = 1 then o.offer_amount % 3 else 0 end
				from offers o, generate_series(1, 3) n
				where o.tenant_id = ? and o.accepted_at is not null""")
			.param(agency.value())
			.update();
	}
}

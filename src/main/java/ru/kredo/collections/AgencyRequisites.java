package ru.kredo.collections;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.documents.Agency;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/** An agency's legal details for its documents; validated as {@link Agency} (ИНН, ОГРН) before they are kept. */
@Service
public class AgencyRequisites {

	/** How long the profile a cabinet page shows may be kept in memory ({@link #shown}). */
	public static final Duration FRESH = Duration.ofSeconds(30);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Map<TenantId, Shown> shown = new ConcurrentHashMap<>();

	AgencyRequisites(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<Agency> of(TenantId tenant) {
		return profile(tenant).map(AgencyProfile::legal);
	}

	/**
	 * The profile as the agency's cabinet shows it on every page (its footer): {@link #profile} kept in memory for
	 * {@link #FRESH}, so that a page view does not read it. A save on this instance shows at once, one on another
	 * instance within that time. Documents and forms read {@link #profile}.
	 */
	public Optional<AgencyProfile> shown(TenantId tenant) {
		Instant now = clock.instant();
		Shown kept = shown.get(tenant);
		if (kept != null && kept.at().plus(FRESH).isAfter(now)) {
			return kept.profile();
		}
		Optional<AgencyProfile> profile = profile(tenant);
		shown.put(tenant, new Shown(profile, now));
		return profile;
	}

	/** The agency's details with what its cabinet shows besides them; none until its admin filled them in. */
	public Optional<AgencyProfile> profile(TenantId tenant) {
		return jdbc.sql("""
				select full_name, inn, ogrn, address, phone, hours, email, registry_entry, privacy_policy, consent_text
				from agency_requisites where tenant_id = ?""")
			.param(tenant.value())
			.query((row, n) -> new AgencyProfile(new Agency(row.getString("full_name"), row.getString("inn"),
					row.getString("ogrn"), row.getString("address"), row.getString("phone")), row.getString("hours"),
					row.getString("email"), row.getString("registry_entry"), row.getString("privacy_policy"),
					row.getString("consent_text")))
			.optional();
	}

	/**
	 * Keeps the agency's details and the rest of its profile, as {@link #save(TenantId, Agency)} checks them. A text
	 * saved as the default written from these details, or from the ones it replaces (the form showed that default),
	 * is kept as none, so that it follows the details later.
	 */
	public AgencyProfile save(TenantId tenant, AgencyProfile profile, String tenantName) {
		Optional<AgencyProfile> before = profile(tenant);
		save(tenant, profile.legal());
		Optional<AgencyProfile> after = Optional.of(profile);
		String policy = profile.privacyPolicy();
		String consent = profile.consentText();
		for (Optional<AgencyProfile> details : List.of(before, after)) {
			policy = sameText(policy, AgencyTexts.defaultPrivacyPolicy(tenantName, details));
			consent = sameText(consent, AgencyTexts.defaultConsent(tenantName, details));
		}
		jdbc.sql("""
				update agency_requisites set hours = ?, email = ?, registry_entry = ?, privacy_policy = ?,
				    consent_text = ? where tenant_id = ?""")
			.params(profile.hours(), profile.email(), profile.registryEntry(), policy, consent, tenant.value())
			.update();
		shown.remove(tenant);
		return new AgencyProfile(profile.legal(), profile.hours(), profile.email(), profile.registryEntry(), policy,
				consent);
	}

	private static String sameText(String typed, String standard) {
		return typed == null || typed.equals(standard.strip()) ? null : typed;
	}

	/**
	 * Keeps the agency's details once their ИНН and ОГРН pass their check digits (a typo in either would be printed
	 * on every certificate). Details kept before this check are still read as they are.
	 */
	public Agency save(TenantId tenant, Agency agency) {
		if (!innChecks(agency.inn())) {
			throw new Rejected("certificate.agency-inn-check-digit");
		}
		if (!ogrnChecks(agency.ogrn())) {
			throw new Rejected("certificate.agency-ogrn-check-digit");
		}
		jdbc.sql("""
				insert into agency_requisites (tenant_id, full_name, inn, ogrn, address, phone, updated_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (tenant_id) do update set full_name = excluded.full_name, inn = excluded.inn,
				    ogrn = excluded.ogrn, address = excluded.address, phone = excluded.phone, updated_at = excluded.updated_at""")
			.params(tenant.value(), agency.fullName(), agency.inn(), agency.ogrn(), agency.address(), agency.phone(),
					Timestamp.from(clock.instant()))
			.update();
		shown.remove(tenant);
		return agency;
	}

	private record Shown(Optional<AgencyProfile> profile, Instant at) {
	}

	// A legal entity's ИНН: the tenth digit is the weighted sum of the first nine, mod 11, mod 10.
	static boolean innChecks(String inn) {
		int[] weights = { 2, 4, 10, 3, 5, 9, 4, 6, 8 };
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i] * (inn.charAt(i) - '0');
		}
		return sum % 11 % 10 == inn.charAt(9) - '0';
	}

	// ОГРН: the thirteenth digit is the first twelve as a number, mod 11, mod 10.
	static boolean ogrnChecks(String ogrn) {
		return Long.parseLong(ogrn.substring(0, 12)) % 11 % 10 == ogrn.charAt(12) - '0';
	}
}

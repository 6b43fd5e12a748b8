package ru.kredo.cabinet.web;

import java.util.Optional;
import java.util.function.Supplier;

import ru.kredo.collections.AgencyProfile;
import ru.kredo.collections.AgencyTexts;
import ru.kredo.documents.Agency;
import ru.kredo.tenancy.Tenant;

/**
 * The agency whose cabinet a page belongs to, as every cabinet page names it (its footer, «Контакты»): its name,
 * phone and hours, requisites, its register entry. Read from the database only when a page asks for it (a redirect
 * or a PDF never does), and once per request.
 */
final class CabinetAgency {

	private final Supplier<Tenant> tenant;
	private final Supplier<Optional<AgencyProfile>> profile;
	private Tenant readTenant;
	private Optional<AgencyProfile> readProfile;

	CabinetAgency(Supplier<Tenant> tenant, Supplier<Optional<AgencyProfile>> profile) {
		this.tenant = tenant;
		this.profile = profile;
	}

	/** The agency's id, as its cabinet's address carries it. */
	public String id() {
		return tenant().id().value().toString();
	}

	/** The name the agency goes by in Kredo: short, for headings. */
	public String name() {
		return tenant().name();
	}

	/** The full registered name when the requisites are filled in, else the name. */
	public String legalName() {
		return profile().map(p -> p.legal().fullName()).orElseGet(this::name);
	}

	public String phone() {
		return profile().map(p -> p.legal().phone()).orElse(null);
	}

	/** The phone as a {@code tel:} link dials it: its digits and a leading plus. */
	public String dial() {
		String phone = phone();
		return phone == null ? null : phone.replaceAll("[^0-9+]", "");
	}

	public String hours() {
		return profile().map(AgencyProfile::hours).orElse(null);
	}

	public String email() {
		return profile().map(AgencyProfile::email).orElse(null);
	}

	public String registryEntry() {
		return profile().map(AgencyProfile::registryEntry).orElse(null);
	}

	/** The legal details; {@code null} until the agency's admin fills them in. */
	public Agency legal() {
		return profile().map(AgencyProfile::legal).orElse(null);
	}

	public String privacyPolicy() {
		return AgencyTexts.privacyPolicy(name(), profile());
	}

	public String consentText() {
		return AgencyTexts.consent(name(), profile());
	}

	Tenant tenant() {
		if (readTenant == null) {
			readTenant = tenant.get();
		}
		return readTenant;
	}

	Optional<AgencyProfile> profile() {
		if (readProfile == null) {
			readProfile = profile.get();
		}
		return readProfile;
	}
}

package ru.kredo.cabinet;

import ru.kredo.tenancy.TenantId;

/**
 * How an agency's cabinet looks: its accent colour ({@code #rrggbb}, {@code null} for Kredo's calm default) and
 * whether it has a logo. {@code version} changes with every save; the cabinet's addresses for the logo and the colour
 * carry it, so a browser may keep them long and still sees a change at once.
 */
public record CabinetLook(TenantId tenant, String accent, String logoType, long version) {

	/** The default accent: a calm deep blue, 7:1 against white (AAA). */
	public static final String DEFAULT_ACCENT = "#1f5673";

	static CabinetLook none(TenantId tenant) {
		return new CabinetLook(tenant, null, null, 0);
	}

	public boolean hasLogo() {
		return logoType != null;
	}

	/** The accent the cabinet uses: the agency's own, or the default. */
	public String accentOrDefault() {
		return accent == null ? DEFAULT_ACCENT : accent;
	}
}

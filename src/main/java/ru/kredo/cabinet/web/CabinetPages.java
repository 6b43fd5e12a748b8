package ru.kredo.cabinet.web;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import ru.kredo.cabinet.CabinetLook;
import ru.kredo.cabinet.CabinetLooks;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * What the cabinet's layout ({@code templates/cabinet/layout.html}) shows of the agency: its name, its logo and its
 * colour, and where «home» is. Templates call it as {@code ${@cabinetPages.of(agency)}}; the error pages as
 * {@code ${@cabinetPages.forPath(path)}}, so that an error met in a cabinet keeps the agency's look and leads back
 * into the same cabinet, never to the staff's sign-in page.
 */
@Component("cabinetPages")
public class CabinetPages {

	private static final Pattern CABINET_PATH = Pattern.compile("^/cabinet/([0-9a-fA-F-]{36})(?:/.*)?$");

	private final CabinetLooks looks;
	private final TenantDirectory tenants;

	CabinetPages(CabinetLooks looks, TenantDirectory tenants) {
		this.looks = looks;
		this.tenants = tenants;
	}

	/** The look of this agency's cabinet. */
	public PageLook of(Tenant agency) {
		String base = "/cabinet/" + agency.id().value();
		CabinetLook look = looks.of(agency.id());
		return new PageLook(agency.name(), base + "/home",
				look.hasLogo() ? base + "/logo?v=" + look.version() : null,
				look.accent() == null ? null : base + "/look.css?v=" + look.version());
	}

	/**
	 * The look for an error page at this path: the agency's when the path is in a known agency's cabinet, a neutral
	 * one without a way «home» when the path names no agency Kredo knows, {@code null} outside the cabinet.
	 */
	public PageLook forPath(String path) {
		if (path == null) {
			return null;
		}
		Matcher cabinet = CABINET_PATH.matcher(path);
		if (!cabinet.matches()) {
			return path.equals("/cabinet") || path.startsWith("/cabinet/") ? PageLook.UNKNOWN : null;
		}
		try {
			return tenants.find(new TenantId(UUID.fromString(cabinet.group(1))))
				.filter(tenant -> tenant.kind() == TenantKind.COLLECTOR)
				.map(this::of)
				.orElse(PageLook.UNKNOWN);
		}
		catch (IllegalArgumentException ex) {
			return PageLook.UNKNOWN;
		}
	}

	/**
	 * @param name the agency's name, {@code null} when unknown
	 * @param home the cabinet's home (the door when no one is signed in), {@code null} when unknown
	 * @param logo the logo's address, {@code null} without one
	 * @param css the agency's colour as a stylesheet, {@code null} for the default colour
	 */
	public record PageLook(String name, String home, String logo, String css) {

		static final PageLook UNKNOWN = new PageLook(null, null, null, null);
	}
}

package ru.kredo.cabinet.web;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.cabinet.CabinetLook;
import ru.kredo.cabinet.CabinetLooks;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.Tenant;

/**
 * The agency's branding of its cabinet: its admin sets the colour and the logo on the «Кабинет» page; the cabinet's
 * pages load them from here, from Kredo's own origin, the logo with the type its content was checked to be.
 */
@Controller
class CabinetLookController {

	private final CabinetLooks looks;
	private final CabinetAgencies agencies;

	CabinetLookController(CabinetLooks looks, CabinetAgencies agencies) {
		this.looks = looks;
		this.agencies = agencies;
	}

	@GetMapping("/cabinet/{agency}/logo")
	ResponseEntity<byte[]> logo(@PathVariable UUID agency, @RequestParam(required = false) Long v) {
		Tenant tenant = agencies.get(agency);
		CabinetLooks.Logo logo = looks.logo(tenant.id()).orElseThrow(() -> new NotFound("not-found", "logo"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(logo.type()))
			.cacheControl(cache(v, logo.version()))
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.body(logo.bytes());
	}

	@GetMapping(path = "/cabinet/{agency}/look.css", produces = "text/css;charset=UTF-8")
	ResponseEntity<String> colours(@PathVariable UUID agency, @RequestParam(required = false) Long v) {
		Tenant tenant = agencies.get(agency);
		CabinetLook look = looks.of(tenant.id());
		// The colour was checked to be #rrggbb when it was saved (and the database refuses anything else).
		return ResponseEntity.ok()
			.cacheControl(cache(v, look.version()))
			.body(":root { --cab-accent: " + look.accentOrDefault() + "; }\n");
	}

	/** Long for an address that names the current version; otherwise checked again every time. */
	private static CacheControl cache(Long asked, long version) {
		return asked != null && asked == version ? CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic()
				: CacheControl.noCache();
	}

	@PostMapping("/cabinet-look")
	String save(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String accent,
			@RequestParam(required = false) MultipartFile logo, @RequestParam(defaultValue = "false") boolean removeLogo,
			RedirectAttributes redirect) throws IOException {
		if (!me.isAdmin()) {
			throw new NotFound("not-found", "cabinet");
		}
		try {
			boolean given = logo != null && !logo.isEmpty();
			if (given && logo.getSize() > looks.maxLogoSize().toBytes()) {
				throw looks.logoTooLarge();
			}
			looks.save(me.tenantId(), accent, given ? logo.getBytes() : null, given ? logo.getOriginalFilename() : null,
					removeLogo);
			redirect.addFlashAttribute("notice", "cabinet-look.saved");
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
			redirect.addFlashAttribute("typedAccent", accent);
		}
		return "redirect:/cabinet-funnel#look";
	}
}

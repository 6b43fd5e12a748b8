package ru.kredo.cabinet.web;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.conversations.Conversations;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;

/**
 * What every cabinet page ({@code /cabinet/{agency}/…}) draws around its content, in one place:
 * <ul>
 * <li>{@code cabinetAgency}: its agency, for the footer that names the agency, its phone and hours, and links its
 * contacts and privacy policy ({@code cabinet/fragments/agency :: footer});</li>
 * <li>for a debtor signed in to this agency, the header's way to his chat with how many answers he has not read
 * ({@code chatLink}) and to his documents ({@code documentsLink}).</li>
 * </ul>
 * Each is read only when the page draws it (the agency, its requisites and the unread count are suppliers).
 */
@ControllerAdvice(basePackageClasses = CabinetAgencyAdvice.class)
class CabinetAgencyAdvice {

	private final TenantDirectory tenants;
	private final AgencyRequisites requisites;
	private final Conversations conversations;

	CabinetAgencyAdvice(TenantDirectory tenants, AgencyRequisites requisites, Conversations conversations) {
		this.tenants = tenants;
		this.requisites = requisites;
		this.conversations = conversations;
	}

	@ModelAttribute
	void frame(HttpServletRequest request, Model model) {
		Optional<UUID> agency = CabinetAgencies.inPath(request);
		if (agency.isEmpty()) {
			return;
		}
		UUID id = agency.get();
		TenantId tenant = new TenantId(id);
		model.addAttribute("cabinetAgency", new CabinetAgency(
				() -> tenants.find(tenant).orElseThrow(() -> new NotFound("tenant.not-found", id)),
				() -> requisites.shown(tenant)));
		if (request.getSession(false) == null) {
			return;
		}
		SignedInDebtors.of(request, id).ifPresent(debtor -> {
			model.addAttribute("chatLink", new ChatLink("/cabinet/" + id + "/chat",
					() -> conversations.unreadForDebtor(debtor.tenantId(), debtor.contactId())));
			model.addAttribute("documentsLink", "/cabinet/" + id + "/documents");
		});
	}

	/** The header's link to the chat; its unread count is read when the page asks for it, once. */
	static final class ChatLink {

		private final String href;
		private final Supplier<Integer> unread;
		private Integer read;

		ChatLink(String href, Supplier<Integer> unread) {
			this.href = href;
			this.unread = unread;
		}

		public String href() {
			return href;
		}

		public int unread() {
			if (read == null) {
				read = unread.get();
			}
			return read;
		}
	}
}

package ru.kredo.cabinet.web;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.privacy.PersonalData;

/**
 * The cabinet's visitor, whom the funnel counts: a visitor is a browser, not a request. Read from his cookie when
 * Kredo signed it; a request without one (a first visit, or a client that keeps no cookies, or one that makes them
 * up) gets the id its address and browser stand for that day, and that id in a signed cookie for a year: three
 * hundred requests of one cookie-less client are one visitor, not three hundred.
 */
@Component
class Visitors {

	static final String COOKIE = "kredo-visitor";

	private static final List<String> PURPOSE_HEADERS = List.of("Sec-Purpose", "Purpose", "X-Moz", "X-Purpose");
	private static final Pattern NOT_SHOWN = Pattern.compile("(?i)prefetch|prerender|preview");
	// Crawlers name themselves "…bot/2.1; +http://…"; link previews name their app. Not a bare "bot" (CUBOT phones),
	// and WhatsApp or Viber only as the whole agent's name: their in-app browsers are people.
	private static final Pattern NOT_A_PERSON = Pattern.compile("(?i)\\+https?://|bot/|bot;|bot\\s*\\(|crawler|spider"
			+ "|slurp|facebookexternalhit|facebot|twitterbot|telegrambot|^whatsapp/|^viber|skypeuripreview|vkshare"
			+ "|linkexpanding|embedly|iframely");

	private final PersonalData personalData;
	private final Clock clock;

	Visitors(PersonalData personalData, Clock clock) {
		this.personalData = personalData;
		this.clock = clock;
	}

	/**
	 * Whether the request is a person's visit, which the funnel counts: a {@code GET} (not a {@code HEAD}, as link
	 * checkers and URL scanners send), not a browser's prefetch or prerender ({@code Sec-Purpose}, {@code Purpose},
	 * {@code X-Moz}, {@code X-Purpose}), and not a crawler's or a messenger's link preview (the debtor's own phone fetches
	 * an SMS link's preview as {@code facebookexternalhit… Twitterbot}, messengers as {@code TelegramBot},
	 * {@code WhatsApp}…): those fetch the page when nobody opened it. A person whose browser is taken for a bot and who
	 * goes on is counted by his next step ({@code Funnel#reached}).
	 */
	boolean isAVisit(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return false;
		}
		for (String header : PURPOSE_HEADERS) {
			String purpose = request.getHeader(header);
			if (purpose != null && NOT_SHOWN.matcher(purpose).find()) {
				return false;
			}
		}
		String agent = request.getHeader("User-Agent");
		return agent == null || !NOT_A_PERSON.matcher(agent).find();
	}

	UUID of(HttpServletRequest request, HttpServletResponse response) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName())) {
					UUID signed = signedVisitor(cookie.getValue());
					if (signed != null) {
						return signed;
					}
				}
			}
		}
		UUID visitor = UUID.nameUUIDFromBytes(personalData.index("cabinet-visitor", request.getRemoteAddr() + " "
				+ String.valueOf(request.getHeader("User-Agent")) + " " + LocalDate.now(clock)).bytes());
		response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, visitor + "." + signature(visitor))
			.path("/cabinet").maxAge(Duration.ofDays(365)).httpOnly(true).sameSite("Lax").secure(request.isSecure())
			.build().toString());
		return visitor;
	}

	private UUID signedVisitor(String value) {
		String[] parts = value.split("\\.", 2);
		try {
			UUID visitor = UUID.fromString(parts[0]);
			return parts.length == 2 && MessageDigest.isEqual(parts[1].getBytes(), signature(visitor).getBytes())
					? visitor : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private String signature(UUID visitor) {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString(personalData.index("cabinet-visitor-cookie", visitor.toString()).bytes());
	}
}

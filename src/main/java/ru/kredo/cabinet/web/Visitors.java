package ru.kredo.cabinet.web;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

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

	private final PersonalData personalData;
	private final Clock clock;

	Visitors(PersonalData personalData, Clock clock) {
		this.personalData = personalData;
		this.clock = clock;
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

package ru.kredo.security;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

import org.springframework.http.ResponseCookie;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ru.kredo.accounts.EmailAddress;
import ru.kredo.platform.ClientAddress;
import ru.kredo.platform.GrowingDelay;
import ru.kredo.platform.RateLimiter;
import ru.kredo.platform.RateLimits;
import ru.kredo.privacy.PersonalData;

/**
 * Who may try a password now ({@code docs/security.md}): one address gets so many attempts per window whatever
 * the login; a login's failures delay its next tries, growing, never locking. Failures from a browser where the login
 * has signed in before (it carries a signed {@value #BROWSER_COOKIE} cookie) count apart: a stranger's wrong passwords
 * delay the stranger's tries, not the owner's from his own browser. Counted in PostgreSQL ({@link RateLimits}): every
 * node sees every node's attempts, so spreading them over N nodes buys nothing.
 */
class SignInThrottle {

	static final String BROWSER_COOKIE = "kredo-browser";

	private final RateLimiter perAddress;
	private final GrowingDelay perPair;
	private final GrowingDelay perLogin;
	private final PersonalData keys;
	private final SignInLimits limits;

	SignInThrottle(SignInLimits limits, PersonalData keys, RateLimits rateLimits) {
		this.limits = limits;
		this.keys = keys;
		this.perAddress = rateLimits.limiter("sign-in.address", limits.perAddress(), limits.window());
		this.perPair = rateLimits.growingDelay("sign-in.pair", limits.perPair(), limits.firstDelay(), limits.maxDelay(),
				limits.forgetAfter());
		this.perLogin = rateLimits.growingDelay("sign-in.login", limits.perLogin(), limits.firstDelay(), limits.maxDelay(),
				limits.forgetAfter());
	}

	/** Takes one attempt from the address's allowance and tells whether the login may be tried from here now. */
	boolean mayTry(HttpServletRequest request) {
		String login = login(request);
		boolean addressAllowed = perAddress.tryTake(ClientAddress.forLimits(request.getRemoteAddr()));
		String browser = knownBrowser(request, login);
		boolean loginAllowed = browser != null ? perPair.waitFor(browser).isZero()
				: perPair.waitFor(pair(login, request)).isZero() && perLogin.waitFor(login).isZero();
		return addressAllowed && loginAllowed;
	}

	void failed(HttpServletRequest request) {
		String login = login(request);
		String browser = knownBrowser(request, login);
		if (browser != null) {
			perPair.failed(browser);
		}
		else {
			perPair.failed(pair(login, request));
			perLogin.failed(login);
		}
	}

	/** Forgets this pair's failures and marks the browser as known to the login. */
	void succeeded(HttpServletRequest request, HttpServletResponse response) {
		String login = login(request);
		String browser = knownBrowser(request, login);
		perPair.reset(browser != null ? browser : pair(login, request));
		UUID id = browser != null ? UUID.fromString(browser.substring(browser.lastIndexOf(' ') + 1)) : UUID.randomUUID();
		response.addHeader("Set-Cookie", ResponseCookie.from(BROWSER_COOKIE, id + "." + signature(login, id))
			.path(request.getContextPath() + "/login")
			.maxAge(limits.knownBrowserFor())
			.httpOnly(true)
			.sameSite("Lax")
			.secure(request.isSecure())
			.build()
			.toString());
	}

	static String login(HttpServletRequest request) {
		return EmailAddress.normalize(request.getParameter("username"));
	}

	private static String pair(String login, HttpServletRequest request) {
		return "address " + ClientAddress.forLimits(request.getRemoteAddr()) + " " + login;
	}

	/** The known browser's key, when the request carries this login's genuine cookie; otherwise null. */
	private String knownBrowser(HttpServletRequest request, String login) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (BROWSER_COOKIE.equals(cookie.getName())) {
				String[] parts = cookie.getValue().split("\\.", 2);
				try {
					UUID id = UUID.fromString(parts[0]);
					if (parts.length == 2 && MessageDigest.isEqual(parts[1].getBytes(), signature(login, id).getBytes())) {
						return "browser " + login + " " + id;
					}
				}
				catch (IllegalArgumentException ignored) {
					return null;
				}
			}
		}
		return null;
	}

	private String signature(String login, UUID browser) {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString(keys.index("sign-in-browser", login + " " + browser).bytes());
	}
}

package ru.kredo.security;

import java.io.IOException;
import java.util.Locale;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ru.kredo.platform.RateLimiter;

/**
 * Slows down password guessing: each sign-in attempt takes a token from the bucket of its login and from the bucket
 * of its client address; when either is empty the attempt is refused before the password is checked.
 */
class SignInRateLimit extends OncePerRequestFilter {

	private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

	private final RateLimiter perAddress;
	private final RateLimiter perLogin;
	private final Counter refused;

	SignInRateLimit(SignInLimits limits, MeterRegistry meters) {
		this.perAddress = new RateLimiter(limits.perAddress(), limits.window());
		this.perLogin = new RateLimiter(limits.perLogin(), limits.window());
		this.refused = Counter.builder("kredo.sign-in.refused")
			.description("Sign-in attempts refused by the rate limit")
			.register(meters);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !SIGN_IN.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String login = String.valueOf(request.getParameter("username")).strip().toLowerCase(Locale.ROOT);
		boolean allowed = perAddress.tryTake(request.getRemoteAddr()) & perLogin.tryTake(login);
		if (!allowed) {
			refused.increment();
			response.sendRedirect(request.getContextPath() + "/login?blocked");
			return;
		}
		chain.doFilter(request, response);
	}
}

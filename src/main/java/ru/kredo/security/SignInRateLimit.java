package ru.kredo.security;

import java.io.IOException;

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

/**
 * Slows down password guessing: an attempt the {@link SignInThrottle} does not allow now is refused before the
 * password is checked.
 */
class SignInRateLimit extends OncePerRequestFilter {

	private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

	private final SignInThrottle throttle;
	private final Counter refused;

	SignInRateLimit(SignInThrottle throttle, MeterRegistry meters) {
		this.throttle = throttle;
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
		if (!throttle.mayTry(request)) {
			refused.increment();
			response.sendRedirect(request.getContextPath() + "/login?blocked");
			return;
		}
		chain.doFilter(request, response);
	}
}

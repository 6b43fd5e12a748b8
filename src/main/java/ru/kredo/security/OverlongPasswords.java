package ru.kredo.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ru.kredo.accounts.NewUser;

/**
 * A sign-in with a password longer than any Kredo sets ({@link NewUser#MAX_PASSWORD_BYTES} UTF-8 bytes) is a wrong
 * password: BCrypt would throw on it (a 500), and cutting it would let its first 72 bytes pass for the whole. Runs
 * after {@link SignInRateLimit}, so such attempts still count against the limits.
 */
class OverlongPasswords extends OncePerRequestFilter {

	private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !SIGN_IN.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String password = request.getParameter("password");
		if (password != null && password.getBytes(StandardCharsets.UTF_8).length > NewUser.MAX_PASSWORD_BYTES) {
			response.sendRedirect(request.getContextPath() + "/login?error");
			return;
		}
		chain.doFilter(request, response);
	}
}

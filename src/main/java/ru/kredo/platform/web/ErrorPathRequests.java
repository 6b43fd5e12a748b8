package ru.kredo.platform.web;

import java.io.IOException;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /error} asked for by a client, not reached by the server's own error dispatch, is a page that does not
 * exist: Spring Boot's error controller, finding no error, answered it 500 ("status": 999), a server error on the
 * first address every scanner tries. The server's error dispatches are not filtered and render as before.
 */
@Component
@Order(-300)
class ErrorPathRequests extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.equals("/error") || path.startsWith("/error/") || path.startsWith("/error;")
				|| path.startsWith("/error."));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}
}

package ru.kredo.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

import ru.kredo.platform.Problems;

/**
 * Errors raised before any endpoint is chosen (no such path, wrong method, an oversized upload): problem details under {@code /api}; the
 * pages' error pages everywhere else (rethrowing hands the exception to Spring's default handling).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRoutingErrors {

	private final Problems problems;

	ApiRoutingErrors(Problems problems) {
		this.problems = problems;
	}

	/**
	 * No such path. Since static files are served under {@code /assets/} only, an unknown path matches no handler at
	 * all ({@link NoHandlerFoundException}) instead of failing as a missing static file ({@link NoResourceFoundException}).
	 */
	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<ProblemDetail> noSuchPath(Exception ex, HttpServletRequest request) throws Exception {
		if (!isApi(request)) {
			throw ex;
		}
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problems.of(HttpStatus.NOT_FOUND, "not-found", new Object[0], request));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException ex, HttpServletRequest request)
			throws HttpRequestMethodNotSupportedException {
		if (!isApi(request)) {
			throw ex;
		}
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.allow(ex.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new))
			.body(problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", new Object[0], request));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> wrongMediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request)
			throws HttpMediaTypeNotSupportedException {
		if (!isApi(request)) {
			throw ex;
		}
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type-not-supported", new Object[0], request));
	}

	/** A multipart request over {@code spring.servlet.multipart.max-file-size}, refused before any endpoint reads it. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request)
			throws MaxUploadSizeExceededException {
		if (!isApi(request)) {
			throw ex;
		}
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(problems.of(HttpStatus.CONTENT_TOO_LARGE, "request.too-large", new Object[0], request));
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}
}

package ru.kredo.platform.web;

import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ru.kredo.platform.HiddenRoutes;
import ru.kredo.platform.Problems;

/**
 * Errors in the request's shape, raised before the endpoint's own code runs (no such path, wrong method, wrong or
 * missing Content-Type, a missing parameter or part, a broken multipart body, an oversized upload): problem details
 * with a stable code under {@code /api}; the pages' error pages everywhere else (rethrowing hands the exception to
 * Spring's default handling, which answers each with its 4xx). Consulted before {@link ApiErrors}. A wrong method or
 * Content-Type on a route the caller's kind of tenant may not use answers 404, as the route itself would
 * ({@link HiddenRoutes}): a 405 or 415 would tell a broker's key that an agency's endpoint is there.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRoutingErrors {

	private final Problems problems;
	private final java.util.List<HiddenRoutes> hidden;
	private final TooManyParts tooManyParts;

	ApiRoutingErrors(Problems problems, java.util.List<HiddenRoutes> hidden, TooManyParts tooManyParts) {
		this.tooManyParts = tooManyParts;
		this.problems = problems;
		this.hidden = hidden;
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
		if (hides(request)) {
			return notFound(request);
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
		if (hides(request)) {
			return notFound(request);
		}
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type-not-supported", new Object[0], request));
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
			ServletRequestBindingException.class })
	ResponseEntity<ProblemDetail> missingParameter(Exception ex, HttpServletRequest request) throws Exception {
		if (!isApi(request)) {
			throw ex;
		}
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(problems.of(HttpStatus.BAD_REQUEST, "request.parameter-missing", new Object[0], request));
	}

	/** Nobody can serve the representation asked for in {@code Accept}, not even a problem: the status alone. */
	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<Void> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request)
			throws HttpMediaTypeNotAcceptableException {
		if (isApi(request) && hides(request)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		if (!isApi(request)) {
			throw ex;
		}
		return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
	}

	/**
	 * A multipart body that cannot be parsed (no boundary, cut short). Spring's default handling does not know it, so
	 * for pages too it is answered here, as the 400 page.
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> brokenMultipart(MultipartException ex, HttpServletRequest request,
			HttpServletResponse response) throws Exception {
		if (ex instanceof MaxUploadSizeExceededException tooLarge) {
			return tooLarge(tooLarge, request);
		}
		if (!isApi(request)) {
			UiErrors.badRequest(request, response, "request.multipart-invalid");
			return null;
		}
		Optional<ProblemDetail> tooMany = tooManyParts.problem(ex, request);
		if (tooMany.isPresent()) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooMany.get());
		}
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(problems.of(HttpStatus.BAD_REQUEST, "request.multipart-invalid", new Object[0], request));
	}

	/** A multipart request over {@code spring.servlet.multipart.max-file-size}, refused before any endpoint reads it. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request)
			throws MaxUploadSizeExceededException {
		if (!isApi(request)) {
			throw ex;
		}
		// Tomcat refuses a body of too many parts as one too large: say which it was (TooManyParts does for pages).
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(tooManyParts.problem(ex, request)
				.orElseGet(() -> problems.of(HttpStatus.CONTENT_TOO_LARGE, "request.too-large", new Object[0], request)));
	}

	private boolean hides(HttpServletRequest request) {
		return hidden.stream().anyMatch(routes -> routes.hides(request));
	}

	private ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problems.of(HttpStatus.NOT_FOUND, "not-found", new Object[0], request));
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}
}

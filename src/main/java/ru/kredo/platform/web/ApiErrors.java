package ru.kredo.platform.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.DisconnectedClientHelper;

import jakarta.servlet.http.HttpServletRequest;

import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotAllowed;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Problems;
import ru.kredo.platform.Rejected;
import ru.kredo.platform.StorageFull;
import ru.kredo.platform.TooLarge;

/**
 * Every API error is an RFC 9457 problem with a stable {@code code} and a message in the caller's language
 * ({@code Accept-Language}, Russian by default). A missing object, or another tenant's, is a 404.
 */
@RestControllerAdvice(annotations = RestController.class)
// After ApiRoutingErrors, whose mappings of Spring MVC's own exceptions would otherwise lose to unexpected() below.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	private final Problems problems;

	ApiErrors(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ProblemDetail> notFound(NotFound ex, HttpServletRequest request) {
		return problem(HttpStatus.NOT_FOUND, ex.code(), new Object[0], request);
	}

	/** A malformed id names nothing, so it is answered like a missing one; a malformed query parameter is a 400. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> malformedId(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return problem(HttpStatus.NOT_FOUND, "not-found", new Object[0], request);
		}
		return problem(HttpStatus.BAD_REQUEST, "request.parameter-invalid", new Object[0], request);
	}

	@ExceptionHandler(Rejected.class)
	ResponseEntity<ProblemDetail> rejected(Rejected ex, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, ex.code(), ex.arguments(), request);
	}

	@ExceptionHandler(TooLarge.class)
	ResponseEntity<ProblemDetail> tooLarge(TooLarge ex, HttpServletRequest request) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, ex.code(), ex.arguments(), request);
	}

	@ExceptionHandler(StorageFull.class)
	ResponseEntity<ProblemDetail> storageFull(StorageFull ex, HttpServletRequest request) {
		return problem(HttpStatus.INSUFFICIENT_STORAGE, ex.code(), ex.arguments(), request);
	}

	@ExceptionHandler(NotAllowed.class)
	ResponseEntity<ProblemDetail> notAllowed(NotAllowed ex, HttpServletRequest request) {
		return problem(HttpStatus.FORBIDDEN, ex.code(), new Object[0], request);
	}

	@ExceptionHandler(InvalidFields.class)
	ResponseEntity<ProblemDetail> invalidFields(InvalidFields ex, HttpServletRequest request) {
		ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "request.invalid-fields", new Object[0], request);
		problem.setProperty("errors", ex.errors().entrySet().stream()
			.map(e -> Map.of("field", e.getKey(), "code", e.getValue().code(), "message",
					problems.message(e.getValue().code(), e.getValue().arguments(), request)))
			.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	/** A body that is not JSON, or not of the expected shape, or with a string Kredo refuses (a control character). */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof Rejected rejected) {
				return rejected(rejected, request);
			}
		}
		return problem(HttpStatus.BAD_REQUEST, "request.invalid", new Object[0], request);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "request.invalid", new Object[0], request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		// Any other of Spring MVC's own client errors (they carry their status) is the caller's mistake, not a 500.
		if (ex instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
			HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
			return problem(status, "request.invalid", new Object[0], request);
		}
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// The client went away mid-upload: nobody to answer, and not our error. Logged as one, with its stack, every
			// aborted upload was an ERROR and a 500 in the metrics — a way for anyone to flood the log.
			log.info("Client left during {} {}", request.getMethod(), request.getRequestURI());
			return null;
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", new Object[0], request);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, Object[] arguments,
			HttpServletRequest request) {
		return ResponseEntity.status(status).body(problems.of(status, code, arguments, request));
	}
}

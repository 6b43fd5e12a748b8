package ru.kredo.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A form or request with several wrong fields at once: each field with the reason it was refused, so a person fixes
 * them all in one go. The API answers it as a problem with an {@code errors} list.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidFields extends RuntimeException {

	private final Map<String, Rejected> errors;

	public InvalidFields(Map<String, Rejected> errors) {
		super("invalid fields " + errors.keySet());
		// In the order the fields were checked (the form's order), the same in every run: Map.copyOf's order changes
		// from one JVM to the next, and a problem's errors list with it.
		this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	public Map<String, Rejected> errors() {
		return errors;
	}

	/** Collects field errors: each {@link #read} runs a parser and keeps its refusal under the field's name. */
	public static final class Collector {

		private final Map<String, Rejected> errors = new LinkedHashMap<>();

		public <T> T read(String field, java.util.function.Supplier<T> parser) {
			try {
				return parser.get();
			}
			catch (Rejected rejected) {
				errors.putIfAbsent(field, rejected);
				return null;
			}
		}

		public void reject(String field, Rejected rejected) {
			errors.putIfAbsent(field, rejected);
		}

		public void throwIfAny() {
			if (!errors.isEmpty()) {
				throw new InvalidFields(errors);
			}
		}
	}
}

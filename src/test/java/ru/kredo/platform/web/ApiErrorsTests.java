package ru.kredo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** An upload the client abandons half-way is not the server's error: no 500, no ERROR with a stack in the log. */
class ApiErrorsTests {

	@Test
	void aClientThatLeftMidUploadIsNotAnsweredAsAnInternalError() {
		ApiErrors errors = new ApiErrors(null);

		assertThat(errors.unexpected(new ClientAbortException(new EOFException()),
				new MockHttpServletRequest("POST", "/api/v1/lists/imports"))).isNull();
	}
}

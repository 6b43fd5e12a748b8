package ru.kredo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15, «Tests»: the OpenAPI description ({@code /v3/api-docs}) validated by a standard validator, swagger-parser's
 * (the OpenAPI project's own parser, with its validation messages): not one message. And what an integrator reads it
 * for: every operation has an {@code operationId} (unique) and a summary, documents at least one error answer as an RFC
 * 9457 problem with its schema, and every list it answers and every JSON body it takes has an example.
 */
@IntegrationTest
class OpenApiValidIntegrationTests {

	private static final String PROBLEM = "application/problem+json";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlers;

	String document;
	JsonNode paths;

	@BeforeEach
	void theDescription() throws Exception {
		var response = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		document = response.getContentAsString(StandardCharsets.UTF_8);
		paths = json.readTree(document).get("paths");
	}

	@Test
	void theStandardValidatorFindsNothingWrong() {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		options.setValidateInternalRefs(true);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
		assertThat(result.getOpenAPI()).as("parsed").isNotNull();
		assertThat(result.getMessages()).as("swagger-parser's validation messages").isEmpty();
		assertThat(result.getOpenAPI().getPaths()).containsKey("/api/v1/watches");
	}

	@Test
	void everyOperationIsNamedSummedUpAndDocumentsAProblem() {
		List<String> unnamed = new ArrayList<>();
		List<String> duplicated = new ArrayList<>();
		List<String> withoutSummary = new ArrayList<>();
		List<String> withoutProblem = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		forEachOperation((name, operation) -> {
			String id = text(operation, "operationId");
			if (id.isBlank()) {
				unnamed.add(name);
			}
			else if (!ids.add(id)) {
				duplicated.add(name + " " + id);
			}
			if (text(operation, "summary").isBlank()) {
				withoutSummary.add(name);
			}
			if (!documentsAProblem(operation.get("responses"))) {
				withoutProblem.add(name);
			}
		});
		assertThat(unnamed).as("operations without an operationId").isEmpty();
		assertThat(duplicated).as("operationIds used twice").isEmpty();
		assertThat(withoutSummary).as("operations without a summary").isEmpty();
		assertThat(withoutProblem).as("operations documenting no error answer as a problem with its schema").isEmpty();
	}

	@Test
	void everyListAndEveryJsonBodyHasAnExample() {
		List<String> listsWithoutExample = new ArrayList<>();
		List<String> bodiesWithoutExample = new ArrayList<>();
		forEachOperation((name, operation) -> {
			JsonNode ok = operation.path("responses").path("200").path("content").path("application/json");
			if (name.startsWith("GET ") && isList(ok.path("schema")) && !hasExample(ok)) {
				listsWithoutExample.add(name);
			}
			JsonNode body = operation.path("requestBody").path("content").path("application/json");
			if (!body.isMissingNode() && !hasExample(body)) {
				bodiesWithoutExample.add(name);
			}
		});
		assertThat(listsWithoutExample).as("lists without an example").isEmpty();
		assertThat(bodiesWithoutExample).as("JSON bodies without an example").isEmpty();
	}

	/**
	 * A path served by several handlers that take different bodies (a text or a file; a multipart form or the raw
	 * file) is one operation in the description: every media type those handlers consume must be in its request body,
	 * or an integrator never learns of the other way in (springdoc keeps one handler's declared body).
	 */
	@Test
	void everyBodyAHandlerTakesIsInItsOperationsDescription() {
		java.util.Map<String, Set<String>> consumed = new java.util.TreeMap<>();
		handlers.getHandlerMethods().keySet().forEach(info -> {
			if (info.getPathPatternsCondition() == null) {
				return;
			}
			for (String path : info.getPathPatternsCondition().getPatternValues()) {
				if (!path.startsWith("/api/")) {
					continue;
				}
				for (var method : info.getMethodsCondition().getMethods()) {
					info.getConsumesCondition().getConsumableMediaTypes().forEach(type -> consumed
						.computeIfAbsent(method.name().toLowerCase() + " " + path, k -> new java.util.TreeSet<>())
						.add(type.toString()));
				}
			}
		});
		List<String> missing = new ArrayList<>();
		consumed.forEach((operation, types) -> {
			String[] parts = operation.split(" ", 2);
			JsonNode content = paths.path(parts[1]).path(parts[0]).path("requestBody").path("content");
			for (String type : types) {
				if (!content.has(type)) {
					missing.add(operation + " " + type);
				}
			}
		});
		assertThat(missing).as("media types a handler consumes that its operation does not document").isEmpty();
	}

	private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> check) {
		for (String path : paths.propertyNames()) {
			for (String method : paths.get(path).propertyNames()) {
				if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
					check.accept(method.toUpperCase(java.util.Locale.ROOT) + " " + path, paths.get(path).get(method));
				}
			}
		}
	}

	/** A 4xx or 5xx answer whose {@code application/problem+json} content has a schema. */
	private boolean documentsAProblem(JsonNode responses) {
		if (responses == null) {
			return false;
		}
		for (String status : responses.propertyNames()) {
			JsonNode problem = responses.get(status).path("content").path(PROBLEM);
			if ((status.startsWith("4") || status.startsWith("5")) && problem.has("schema")) {
				return true;
			}
		}
		return false;
	}

	/** The ApiList envelope: a schema with {@code items} and {@code nextCursor}, by reference or inline. */
	private boolean isList(JsonNode schema) {
		String ref = text(schema, "$ref");
		if (!ref.isEmpty()) {
			JsonNode target = json.readTree(document).at(ref.substring(1));
			return isList(target);
		}
		return schema.path("properties").has("items") && schema.path("properties").has("nextCursor");
	}

	private static boolean hasExample(JsonNode content) {
		return content.has("example") || content.path("examples").size() > 0;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? "" : value.asString();
	}
}

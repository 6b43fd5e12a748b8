package ru.kredo.platform.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The REST API's OpenAPI description ({@code /v3/api-docs}), browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String PROBLEM = "application/problem+json";
	private static final String PROBLEM_SCHEMA = "#/components/schemas/ProblemDetail";

	@Bean
	OpenAPI kredoOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Kredo API").version("v1")
				.description("Every request carries an API key: `Authorization: Bearer kredo_…`. A tenant admin issues "
						+ "keys on the «API-ключи» page; the key is shown once. Errors are RFC 9457 problem details "
						+ "with a stable `code`; objects of other tenants answer 404."))
			.components(new Components().addSecuritySchemes("apiKey",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("kredo_…")))
			.addSecurityItem(new SecurityRequirement().addList("apiKey"));
	}

	/**
	 * What every operation answers whatever it does, said once here rather than on each: the 401 of a missing or
	 * unknown key (a problem, {@code api-key.missing-or-invalid}); and every problem an operation documents by its
	 * example alone gets the problem's schema, so that a client generated from the description reads it as one.
	 */
	@Bean
	OpenApiCustomizer problemAnswers() {
		return openApi -> {
			Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
			openApi.setComponents(components);
			Map<String, Schema> problem = ModelConverters.getInstance().readAll(ProblemDetail.class);
			problem.forEach((name, schema) -> {
				if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
					components.addSchemas(name, schema);
				}
			});
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
				if (operation.getResponses() == null) {
					return;
				}
				operation.getResponses().values().forEach(response -> {
					if (response.getContent() != null && response.getContent().get(PROBLEM) != null
							&& response.getContent().get(PROBLEM).getSchema() == null) {
						response.getContent().get(PROBLEM).setSchema(new Schema<>().$ref(PROBLEM_SCHEMA));
					}
				});
				if (!operation.getResponses().containsKey("401")) {
					operation.getResponses().addApiResponse("401", unauthorized());
				}
			}));
		};
	}

	private static ApiResponse unauthorized() {
		return new ApiResponse().description("No API key, or one that is unknown, revoked or of a disabled issuer "
				+ "(api-key.missing-or-invalid)")
			.content(new Content().addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))
				.addExamples("no key", new Example().value(Map.of("type", "about:blank", "title", "Unauthorized",
						"status", 401, "detail", "Передайте действующий API-ключ в заголовке «Authorization: Bearer kredo_…».",
						"code", "api-key.missing-or-invalid")))));
	}
}

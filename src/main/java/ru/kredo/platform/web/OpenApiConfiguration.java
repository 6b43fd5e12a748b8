package ru.kredo.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The REST API's OpenAPI description ({@code /v3/api-docs}), browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

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
}

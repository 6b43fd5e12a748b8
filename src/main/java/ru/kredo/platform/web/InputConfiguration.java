package ru.kredo.platform.web;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import ru.kredo.platform.ControlCharacters;

/**
 * Refuses control characters in everything a request carries as text, before any endpoint sees it: every parameter
 * (query, form fields, multipart text parts — multipart is resolved before interceptors run) and every JSON string.
 * Headers never reach here with one: Tomcat refuses control characters in header values itself. Uploaded files are
 * read by {@code tabular}, cell by cell.
 */
@Configuration(proxyBeanMethods = false)
class InputConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ParameterGuard());
	}

	/** Registered by Boot into the JSON mapper that reads request bodies. */
	@Bean
	JacksonModule controlCharactersInJson() {
		return new SimpleModule("kredo-control-characters").addDeserializer(String.class, new GuardedStrings());
	}

	static final class ParameterGuard implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
				ControlCharacters.requireNone(parameter.getKey());
				for (String value : parameter.getValue()) {
					ControlCharacters.requireNone(value);
				}
			}
			return true;
		}
	}

	static final class GuardedStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			return ControlCharacters.requireNone(super.deserialize(p, ctxt));
		}
	}
}

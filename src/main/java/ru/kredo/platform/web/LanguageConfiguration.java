package ru.kredo.platform.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Russian first, English second: the language is Russian until the user picks English with {@code ?lang=en} (the
 * switch in the header), and the choice is remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

	static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	/**
	 * Boot's message source with plural rules ({@link PluralMessageSource}); it takes Boot's {@code spring.messages.*}
	 * settings that Kredo uses.
	 */
	@Bean
	MessageSource messageSource(@Value("${spring.messages.basename:messages}") String basename,
			@Value("${spring.messages.fallback-to-system-locale:false}") boolean fallbackToSystemLocale) {
		PluralMessageSource messages = new PluralMessageSource();
		messages.setBasenames(basename.split("\\s*,\\s*"));
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(fallbackToSystemLocale);
		return messages;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("kredo-lang");
		resolver.setDefaultLocaleFunction(request -> RUSSIAN);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}
}

package ru.kredo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.messageresolver.SpringMessageResolver;

/**
 * In every test context a page that names a message the bundles lack fails instead of showing
 * {@code ??audit.action.X_ru_RU??}: one such word ran a table 535 px wide on the phone, and nothing noticed the three
 * audit actions that had no wording until a browser test happened to meet one. Thymeleaf asks its resolver for the
 * «absent» text only when no bundle has the key ({@code #messages.msgOrNull} never does), so this changes nothing else.
 */
@Component
class MissingMessagesFail implements BeanPostProcessor {

	// looked up when the template engine is made, not when this post-processor is: asked for at once, the bundles
	// would be made before every post-processor is in place
	private final ObjectProvider<MessageSource> messages;

	MissingMessagesFail(ObjectProvider<MessageSource> messages) {
		this.messages = messages;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String name) {
		if (bean instanceof SpringTemplateEngine engine) {
			SpringMessageResolver strict = new SpringMessageResolver() {
				@Override
				public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
						Object[] parameters) {
					throw new IllegalStateException("no message «" + key + "» for " + context.getLocale()
							+ " in the bundles (template " + context.getTemplateData().getTemplate() + ")");
				}
			};
			strict.setMessageSource(messages.getObject());
			engine.setMessageResolver(strict);
		}
		return bean;
	}
}

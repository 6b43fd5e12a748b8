package ru.kredo.platform.web;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.support.ResourceBundleMessageSource;

import com.ibm.icu.text.MessageFormat;

/**
 * The message bundles, with counts worded by the language's real plural rules: a message holding an ICU argument
 * ({@code {0, plural, one{# сигнал} few{# сигнала} many{# сигналов} other{# сигнала}}}, or {@code select},
 * {@code selectordinal}) is formatted by ICU's MessageFormat with CLDR's rules (Russian one/few/many/other, English
 * one/other); every other message by Spring's usual {@link java.text.MessageFormat}, unchanged. Templates need nothing
 * special: {@code #{key(${count})}} goes through here.
 */
class PluralMessageSource extends ResourceBundleMessageSource {

	private static final Pattern ICU_ARGUMENT = Pattern.compile("\\{\\s*\\w+\\s*,\\s*(plural|selectordinal|select)\\s*,");
	private static final Pattern COUNTED_ARGUMENT = Pattern.compile("\\{\\s*(\\d+)\\s*,\\s*(plural|selectordinal)\\s*,");
	private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]");

	@Override
	protected String getMessageInternal(String code, Object[] args, Locale locale) {
		if (code != null) {
			Locale language = locale == null ? Locale.getDefault() : locale;
			String pattern = resolveCodeWithoutArguments(code, language);
			if (pattern != null && ICU_ARGUMENT.matcher(pattern).find()) {
				return format(pattern, language, resolveArguments(args, language));
			}
		}
		return super.getMessageInternal(code, args, locale);
	}

	/** One pattern in ICU's syntax; a plural's {@code #} is the count written as the language writes numbers. */
	static String format(String pattern, Locale locale, Object[] args) {
		return new MessageFormat(pattern, locale).format(counted(pattern, args));
	}

	/** A count given as text («1 029», as some callers pass it) is read as the number it is; ICU counts only numbers. */
	private static Object[] counted(String pattern, Object[] args) {
		Object[] read = args.clone();
		Matcher counted = COUNTED_ARGUMENT.matcher(pattern);
		while (counted.find()) {
			int index = Integer.parseInt(counted.group(1));
			if (index < read.length && read[index] instanceof CharSequence text) {
				try {
					read[index] = new BigDecimal(SPACES.matcher(text).replaceAll("").replace(',', '.'));
				}
				catch (NumberFormatException notANumber) {
					// left as it is: ICU says what it cannot count
				}
			}
		}
		return read;
	}
}

package ru.kredo.platform.web;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

	/**
	 * Per language, per code: the pattern of a message ICU formats, or {@link #PLAIN}. Every message a page shows
	 * comes through here, so whether it needs ICU is decided once, not on every use (kept as long as the bundles are,
	 * that is for good unless a cache duration is set).
	 */
	private final Map<Locale, Map<String, Object>> kinds = new ConcurrentHashMap<>();
	private static final Object PLAIN = new Object();

	private record Icu(String pattern) {
	}

	@Override
	protected String getMessageInternal(String code, Object[] args, Locale locale) {
		if (code != null) {
			Locale language = locale == null ? Locale.getDefault() : locale;
			Object kind = kind(code, language);
			if (kind instanceof Icu icu) {
				return format(icu.pattern(), language, resolveArguments(args, language));
			}
		}
		return super.getMessageInternal(code, args, locale);
	}

	private Object kind(String code, Locale language) {
		Map<String, Object> known = getCacheMillis() < 0 ? kinds.computeIfAbsent(language, l -> new ConcurrentHashMap<>()) : null;
		Object kind = known == null ? null : known.get(code);
		if (kind == null) {
			String pattern = resolveCodeWithoutArguments(code, language);
			if (pattern == null) {
				return PLAIN; // not kept: a code no bundle has goes to the parent or the default message each time
			}
			kind = ICU_ARGUMENT.matcher(pattern).find() ? new Icu(pattern) : PLAIN;
			if (known != null) {
				known.put(code, kind);
			}
		}
		return kind;
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

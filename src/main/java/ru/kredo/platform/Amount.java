package ru.kredo.platform;

import java.math.BigDecimal;

/**
 * An amount of roubles, as the platform sees one without knowing the payments module's {@code Money}: enough for
 * {@link Amounts} to write it, and for a {@link Rejected}'s message to show it the Russian way.
 */
public interface Amount {

	BigDecimal roubles();
}

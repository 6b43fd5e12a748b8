package ru.kredo.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many sign-in attempts a login and a client address get per window.
 *
 * @param perLogin attempts for one login, whatever address they come from
 * @param perAddress attempts from one address, whatever login they name
 * @param window the time in which the attempts refill
 */
@ConfigurationProperties("kredo.sign-in")
record SignInLimits(@DefaultValue("10") int perLogin, @DefaultValue("50") int perAddress,
		@DefaultValue("15m") Duration window) {
}

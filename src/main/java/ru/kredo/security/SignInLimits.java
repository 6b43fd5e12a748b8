package ru.kredo.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in limits ({@code docs/security.md}).
 *
 * @param perAddress attempts from one address, whatever login they name, per {@code window} (a hard limit: it stops
 *        one address trying many logins)
 * @param window the time in which the per-address attempts refill
 * @param perPair failures of one login from one address, or from one browser it has signed in on before, before that
 *        pair's tries are delayed
 * @param perLogin failures of one login from browsers it has never signed in on, whatever their address, before all
 *        such tries of the login are delayed (a distributed guess); its own known browsers are not delayed by them
 * @param firstDelay the first delay once the failures are spent; it doubles with every further failure
 * @param maxDelay the longest delay: never a lock-out, about one guess per this time at most
 * @param forgetAfter failures are forgotten after this time without another one
 * @param knownBrowserFor how long a browser stays known to a login after it signed in there
 */
@ConfigurationProperties("kredo.sign-in")
record SignInLimits(@DefaultValue("50") int perAddress, @DefaultValue("15m") Duration window,
		@DefaultValue("5") int perPair, @DefaultValue("10") int perLogin, @DefaultValue("2s") Duration firstDelay,
		@DefaultValue("15m") Duration maxDelay, @DefaultValue("24h") Duration forgetAfter,
		@DefaultValue("180d") Duration knownBrowserFor) {
}

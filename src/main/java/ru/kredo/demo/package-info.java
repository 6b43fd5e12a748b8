/**
 * The living demo: a credit broker and a collection agency with their users and realistic contacts on monitoring
 * (with consents and segments), and a platform operator, loaded once on start when {@code kredo.demo} is on (by
 * default: only with the embedded database). A simulated bureau then feeds a trickle of credit events through the
 * real ingestion ({@code kredo.simulator.*}), so signals keep arriving.
 * <p>
 * Publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package ru.kredo.demo;

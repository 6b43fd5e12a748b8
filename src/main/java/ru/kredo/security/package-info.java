/**
 * Who may do what: UI sessions with CSRF protection and a rate-limited sign-in; API keys for {@code /api/**}; secure
 * headers with a content security policy that admits only Kredo's own assets.
 * <p>
 * Publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package ru.kredo.security;

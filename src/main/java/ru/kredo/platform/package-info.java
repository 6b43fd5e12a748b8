/**
 * What every module stands on: the database (embedded PostgreSQL when none is configured), the clock, the web
 * shell (layout, language, error pages, RFC 9457 problem details) and the shared error vocabulary.
 * <p>
 * Publishes nothing; holds no business state.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package ru.kredo.platform;

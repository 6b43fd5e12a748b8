package ru.kredo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on PostgreSQL (embedded, or the server named by {@code SPRING_DATASOURCE_URL}) with the
 * "test" profile and a MockMvc. All such tests share one application context, whose {@code DataSource} counts
 * statements for {@link StatementCounter}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(StatementCounter.class)
public @interface IntegrationTest {
}

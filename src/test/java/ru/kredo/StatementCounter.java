package ru.kredo;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread prepares while {@link #count} runs: the guard against a list that reads
 * one more row per line it shows (N+1). Every {@link IntegrationTest} context has it: it wraps the application's
 * {@link DataSource} so that each connection counts its {@code prepareStatement}, {@code createStatement} and
 * {@code prepareCall} for the thread that counts, and does nothing else (everything else, {@code unwrap} too, goes to
 * the pool's connection). MockMvc serves a request on the test's thread, so a request's statements are counted and
 * the background jobs' are not.
 */
public class StatementCounter implements BeanPostProcessor {

	private static final ThreadLocal<int[]> COUNTING = new ThreadLocal<>();
	private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

	/** What {@code work} returned, and how many statements this thread prepared while it ran. */
	public record Counted<T>(T result, int statements) {
	}

	public static <T> Counted<T> count(Callable<T> work) throws Exception {
		int[] previous = COUNTING.get();
		int[] count = new int[1];
		COUNTING.set(count);
		try {
			T result = work.call();
			return new Counted<>(result, count[0]);
		}
		finally {
			COUNTING.set(previous);
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return bean instanceof DataSource dataSource && !(bean instanceof Counting) ? new Counting(dataSource) : bean;
	}

	private static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counted(super.getConnection(username, password));
		}

		private static Connection counted(Connection target) {
			InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				default -> {
					int[] count = COUNTING.get();
					if (count != null && STATEMENTS.contains(method.getName())) {
						count[0]++;
					}
					try {
						yield method.invoke(target, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				}
			};
			return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}
	}
}

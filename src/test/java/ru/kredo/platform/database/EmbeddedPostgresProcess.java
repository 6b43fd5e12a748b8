package ru.kredo.platform.database;

import java.nio.file.Path;

/**
 * Another Kredo process, as far as the embedded database goes: starts the server on a data directory, says so on its
 * output and waits to be stopped or killed ({@code EmbeddedPostgresServerIntegrationTests}).
 */
public final class EmbeddedPostgresProcess {

	private EmbeddedPostgresProcess() {
	}

	public static void main(String[] args) throws InterruptedException {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(Path.of(args[0]), 0);
		System.out.println("READY " + server.jdbcUrl());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}
}

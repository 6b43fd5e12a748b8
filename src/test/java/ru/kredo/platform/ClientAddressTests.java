package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTests {

	@Test
	void anIpv4AddressIsItsOwnClient() {
		assertThat(ClientAddress.forLimits("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(ClientAddress.forLimits("203.0.113.8")).isNotEqualTo(ClientAddress.forLimits("203.0.113.7"));
	}

	@Test
	void everyAddressOfOneIpv6SubscribersNetworkIsOneClient() {
		String client = ClientAddress.forLimits("2001:db8:1:2::7");

		assertThat(client).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(ClientAddress.forLimits("2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo(client);
		assertThat(ClientAddress.forLimits("2001:DB8:1:2:0:0:0:7")).isEqualTo(client);
		assertThat(ClientAddress.forLimits("fe80::1%eth0")).isEqualTo("fe80:0:0:0:0:0:0:0/64");
		assertThat(ClientAddress.forLimits("2001:db8:1:3::7")).isNotEqualTo(client);
	}

	@Test
	void anIpv4MappedAddressIsTheIpv4Client() {
		assertThat(ClientAddress.forLimits("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
	}

	@Test
	void whatIsNoAddressIsCountedAsItIsWithoutAnyLookUp() {
		assertThat(ClientAddress.forLimits("unknown")).isEqualTo("unknown");
		assertThat(ClientAddress.forLimits("::zz")).isEqualTo("::zz");
		assertThat(ClientAddress.forLimits(null)).isNull();
	}
}

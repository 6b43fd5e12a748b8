package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagingTests {

	@Test
	void aHugePageNumberIsClampedInsteadOfOverflowing() {
		Paging paging = Paging.page(Integer.MAX_VALUE, 50);

		assertThat(paging.offset()).isBetween(0, Paging.MAX_OFFSET);
		assertThat(paging.number()).isEqualTo(Paging.MAX_OFFSET / 50);
		assertThat(paging.offset() + paging.limit() + 1).isPositive();
	}

	@Test
	void aNegativePageIsTheFirst() {
		assertThat(Paging.page(Integer.MIN_VALUE, 50)).isEqualTo(new Paging(0, 50));
		assertThat(Paging.page(2, 50)).isEqualTo(new Paging(100, 50));
		assertThat(Paging.page(2, 50).number()).isEqualTo(2);
	}

	@Test
	void anApiWindowKeepsItsOffsetAndLimitInRange() {
		assertThat(Paging.window(-5, 0, 1000)).isEqualTo(new Paging(0, 1));
		assertThat(Paging.window(Integer.MAX_VALUE, Integer.MAX_VALUE, 1000)).isEqualTo(new Paging(Paging.MAX_OFFSET, 1000));
		assertThat(Paging.window(10, 20, 1000)).isEqualTo(new Paging(10, 20));
	}
}

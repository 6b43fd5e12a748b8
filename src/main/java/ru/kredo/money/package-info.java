/**
 * Money, the shared kernel: {@link ru.kredo.money.Money} (roubles exact to the kopeck, never negative), reading amounts
 * as users type them ({@link ru.kredo.money.Money#ofRoubles(String)}) and as registries, CRMs and Excel write them
 * ({@link ru.kredo.money.MoneyText}), and writing them the Russian way on every page, message and document
 * ({@link ru.kredo.money.Amounts}: {@code 26 366,15 ₽}; the templates' {@code @amounts} bean).
 * <p>
 * A module of its own, and a shared one (see {@code @Modulithic} on {@code Kredo}): payments, collections, documents
 * and the cabinet all speak of amounts, and none of them owns money, so each may use it without depending on another
 * (documents no longer needs payments or collections to print a sum, and collections no longer borrows payments'
 * money). It stands only on {@code platform} (for {@link ru.kredo.platform.Rejected}); the platform knows it only
 * through {@link ru.kredo.platform.MessageArgument}, so a refusal's amount reads the same way without a cycle. It
 * holds no state, no tables and no beans but the templates' formatter. Publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Money")
package ru.kredo.money;

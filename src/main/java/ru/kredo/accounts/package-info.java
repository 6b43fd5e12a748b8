/**
 * The people who sign in: each {@link ru.kredo.accounts.User} belongs to one tenant and has one
 * {@link ru.kredo.accounts.Role}. Tenant admins manage their own users; sign-in looks users up by e-mail.
 * <p>
 * Publishes {@link ru.kredo.accounts.UserPowersWithdrawn} when a user is disabled or an admin demoted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package ru.kredo.accounts;

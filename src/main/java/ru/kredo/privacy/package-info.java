/**
 * Personal data at rest (152-ФЗ): {@link ru.kredo.privacy.PersonalData} seals identifiers (passport, ИНН, СНИЛС,
 * phone, birth date) with AES-256-GCM and computes keyed blind indexes ({@link ru.kredo.privacy.BlindIndex}) so
 * that they can be looked up exactly without ever being stored or compared in the clear.
 * <p>
 * Keys come from configuration ({@code kredo.crypto.*}); with the embedded database they are generated once into the
 * data directory. Publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package ru.kredo.privacy;

package dev.claudecode.control;

import java.util.Objects;
import java.util.Optional;

/**
 * Who the CLI runs as and how it reaches the model. With an API key most fields are empty; a
 * Claude account login fills in the email, organization and subscription.
 *
 * @param email the account's email address
 * @param organization the account's organization
 * @param subscriptionType the subscription, e.g. {@code pro} ({@code subscriptionType})
 * @param tokenSource where an OAuth token came from, {@code none} with an API key ({@code tokenSource})
 * @param apiKeySource where the API key came from, e.g. {@code ANTHROPIC_API_KEY} ({@code apiKeySource})
 * @param apiProvider the API backend, e.g. {@code firstParty}, {@code bedrock} or {@code vertex} ({@code apiProvider})
 */
public record AccountInfo(
        Optional<String> email,
        Optional<String> organization,
        Optional<String> subscriptionType,
        Optional<String> tokenSource,
        Optional<String> apiKeySource,
        Optional<String> apiProvider) {

    /** Replaces null components with empty ones. */
    public AccountInfo {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(subscriptionType, "subscriptionType");
        Objects.requireNonNull(tokenSource, "tokenSource");
        Objects.requireNonNull(apiKeySource, "apiKeySource");
        Objects.requireNonNull(apiProvider, "apiProvider");
    }
}

package dev.claudecode.control;

import dev.claudecode.options.Effort;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model the session can switch to, as the CLI lists it.
 *
 * @param value what {@link SessionControl#setModel(String)} takes, e.g. {@code sonnet} or {@code default}
 * @param resolvedModel the model id that value stands for ({@code resolvedModel}), e.g. {@code claude-sonnet-5}
 * @param displayName a human-readable name ({@code displayName})
 * @param description what the model is good for, and its price
 * @param supportsEffort whether effort levels apply to it ({@code supportsEffort})
 * @param supportedEffortLevels the effort levels it accepts ({@code supportedEffortLevels}), e.g. {@code low} to {@code max}
 * @param supportsAdaptiveThinking whether it decides itself when and how much to think ({@code supportsAdaptiveThinking})
 * @param supportsFastMode whether it has a fast mode ({@code supportsFastMode})
 * @param supportsAutoMode whether it supports the {@code auto} permission mode ({@code supportsAutoMode})
 */
public record ModelInfo(
        String value,
        Optional<String> resolvedModel,
        String displayName,
        String description,
        boolean supportsEffort,
        List<String> supportedEffortLevels,
        boolean supportsAdaptiveThinking,
        boolean supportsFastMode,
        boolean supportsAutoMode) {

    /** Validates and copies the components. */
    public ModelInfo {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(resolvedModel, "resolvedModel");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        supportedEffortLevels = List.copyOf(Objects.requireNonNull(supportedEffortLevels, "supportedEffortLevels"));
    }

    /**
     * Tells whether the model accepts an effort level.
     *
     * @param effort an effort level
     * @return whether this model accepts it
     */
    public boolean supports(Effort effort) {
        return supportedEffortLevels.contains(effort.value());
    }
}

package dev.claudecode.message;

/**
 * A {@code "type":"system"} message: session metadata and notices about what the CLI is doing,
 * told apart by {@link #subtype()}.
 */
public sealed interface SystemMessage extends Message
        permits InitMessage,
                StatusMessage,
                CompactBoundaryMessage,
                ApiRetryMessage,
                TaskStartedMessage,
                TaskUpdatedMessage,
                TaskNotificationMessage,
                TaskProgressMessage,
                HookStartedMessage,
                HookProgressMessage,
                HookResponseMessage,
                ThinkingTokensMessage,
                InformationalMessage,
                NotificationMessage,
                CommandsChangedMessage,
                MirrorErrorMessage,
                PermissionDeniedMessage,
                LocalCommandOutputMessage,
                SessionStateChangedMessage,
                SessionTitleChangedMessage,
                ModelRefusalFallbackMessage,
                ModelRefusalNoFallbackMessage,
                BackgroundTasksChangedMessage,
                FilesPersistedMessage,
                SessionWritesLostMessage,
                ControlRequestProgressMessage,
                PluginInstallMessage,
                WorkerShuttingDownMessage,
                MemoryRecallMessage,
                ElicitationCompleteMessage,
                UnknownSystemMessage {

    /** The wire type of every system message. */
    String TYPE = "system";

    /**
     * The message's {@code subtype}, such as {@code "init"} or {@code "api_retry"}.
     *
     * @return the subtype
     */
    String subtype();

    @Override
    default String type() {
        return TYPE;
    }
}

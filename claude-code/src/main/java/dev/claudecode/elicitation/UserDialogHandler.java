package dev.claudecode.elicitation;

/**
 * Answers the dialogs the CLI asks the application to show ({@code request_user_dialog}). Set it
 * on the session's options with {@code onUserDialog}, together with the dialog kinds it can show
 * ({@code supportedDialogKinds}): the CLI sends only those kinds, and without them none at all.
 *
 * <p>It runs on a virtual thread of its own, never on the thread that reads the CLI. Each call is
 * bounded by the session's user dialog timeout and interrupted when the CLI withdraws the dialog.
 * A handler that throws, returns {@code null} or does not answer in time cancels the dialog, and
 * the CLI applies the dialog's default.
 */
@FunctionalInterface
public interface UserDialogHandler {

    /**
     * Answers one dialog.
     *
     * @param request the dialog's kind and data
     * @return the person's choice, or cancelled
     * @throws Exception any failure, which cancels the dialog
     */
    UserDialogResult answer(UserDialogRequest request) throws Exception;
}

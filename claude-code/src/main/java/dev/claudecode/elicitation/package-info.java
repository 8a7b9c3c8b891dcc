/**
 * Questions the CLI puts to the person behind the application, answered by Java callbacks on the
 * session's options.
 *
 * <ul>
 * <li><b>MCP elicitation.</b> An MCP server that needs something from the user while it works (a
 *     form to fill in, or a web page to open for a sign-in) sends {@code elicitation/create} to the
 *     CLI, which asks the SDK. An {@link dev.claudecode.elicitation.ElicitationHandler} set with
 *     {@code ClaudeCodeOptions.Builder.onElicitation} receives an
 *     {@link dev.claudecode.elicitation.ElicitationRequest} (its form as
 *     {@link dev.claudecode.elicitation.ElicitationField}s) and answers with an
 *     {@link dev.claudecode.elicitation.ElicitationResult}: accept with the values, decline, or
 *     cancel. The server receives the answer and goes on with its tool call. Without a handler
 *     every elicitation is declined.</li>
 * <li><b>User dialogs.</b> Some flows of the CLI stop to let the user choose (for example
 *     {@value dev.claudecode.elicitation.UserDialogRequest#REFUSAL_FALLBACK_PROMPT}: retry a
 *     refused answer on the fallback model). The CLI sends a dialog only of a kind the session
 *     declared with {@code supportedDialogKinds}; a
 *     {@link dev.claudecode.elicitation.UserDialogHandler} set with {@code onUserDialog} answers
 *     each {@link dev.claudecode.elicitation.UserDialogRequest} with a
 *     {@link dev.claudecode.elicitation.UserDialogResult}.</li>
 * </ul>
 *
 * <p>Like the permission callback, the handlers run on virtual threads of their own, never on the
 * thread that reads the CLI; each call is bounded by its timeout option and interrupted when the
 * CLI withdraws the question ({@code control_cancel_request}). A handler that throws or misses
 * its deadline cancels the question.
 */
package dev.claudecode.elicitation;

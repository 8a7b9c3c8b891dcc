package dev.claudecode.internal.observe;

import dev.claudecode.message.ResultMessage;
import dev.claudecode.observe.CliLaunch;

/**
 * What each turn of a session cost. The CLI reports {@code total_cost_usd}, a running total of its
 * conversation; a turn's cost is how much it grew since the previous result. A CLI that starts
 * anew (the session's first, or one after a reset) starts its total from zero; one that resumes
 * the conversation after a crash may or may not carry the total over, so a total lower than the
 * last one counts whole.
 */
final class TurnCosts {

    private double lastTotal;

    /**
     * A CLI is launched.
     *
     * @param reason why
     */
    synchronized void launched(CliLaunch.Reason reason) {
        if (reason != CliLaunch.Reason.RESTART) {
            lastTotal = 0;
        }
    }

    /**
     * @param result a turn's result
     * @return what the turn cost, in US dollars
     */
    synchronized double costOf(ResultMessage result) {
        double total = result.totalCostUsd();
        double cost = total >= lastTotal ? total - lastTotal : total;
        lastTotal = total;
        return cost;
    }
}

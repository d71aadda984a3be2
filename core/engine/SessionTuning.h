#pragma once
// Knobs of an AccountSession: concurrency, liveness and pacing. The defaults
// suit real gateways; tests shorten the intervals.

namespace gd {

struct SessionTuning
{
    int messagePayloadsInFlight = 96; // MessagePayload calls in flight
    int messagePayloadsInFlightDuringSync = 24; // ...while the directory syncs
    int syncCallsInFlight = 32; // Contact/Room/Member payload calls in flight
    int messageRetryLimit = 3; // quick retries of a failed MessagePayload...
    int messageRetryDelayMs = 1000; // ...after this times the attempt number; then
    int messageRetryMaxDelayMs = 10 * 60000; // doubling pauses up to this,
    int messageRetryForMs = 24 * 3600 * 1000; // until this long after the id was seen
    int journalBatchDelayMs = 5; // longest wait before message ids go to the journal
    int messageBatchSize = 64; // messages per insertMessages call
    int messageBatchDelayMs = 25; // longest wait before a partial batch goes out
    // Liveness: after this much silence (no event, no DONG) a Ding probes the
    // gateway; still nothing by notRespondingAfterMs and the account shows
    // "not responding"; by reconnectAfterSilenceMs the connection is dropped
    // and made again. A healthy but quiet gateway answers the Ding at once.
    int dingAfterSilenceMs = 10000;
    int notRespondingAfterMs = 15000; // > dingAfterSilenceMs
    int reconnectAfterSilenceMs = 25000;
    int startFallbackMs = 3000; // call Start even if the stream stays quiet
    int backoffInitialMs = 1000;
    int backoffMaxMs = 60000;
    // A connection that delivered events restarts the backoff from its first
    // step, except after this many such restarts within the window (a
    // flapping gateway): see ExponentialBackoff.
    int backoffFlapLimit = 12;
    int backoffFlapWindowMs = 120000;
    double sendRatePerSecond = 1.0;
    int sendBurst = 3;
    int sendJitterMs = 300;
    int duplicateWindowMs = 5000; // same talker + conversation + text within this = duplicate
    int listRefreshIntervalMs
        = 30 * 60000; // contacts and rooms fetched again this often (0 = never)
};

} // namespace gd

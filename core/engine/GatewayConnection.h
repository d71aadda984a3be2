#pragma once
// The connection part of an account's session: subscribes to the event
// stream, calls Start after the first event (or after a quiet while),
// watches liveness (a Ding after silence, "not responding", a new
// connection after long silence) and reconnects with exponential backoff,
// forever. It hands every event on (eventReceived) and says when the
// connection is torn down (lost), so the other parts drop their calls in
// flight. Lives in the session's thread.

#include "engine/SessionCounters.h"
#include "engine/SessionTuning.h"
#include "gateway/GatewayEndpoint.h"
#include "util/ExponentialBackoff.h"

#include <QObject>
#include <QTimer>

namespace gd {

class PuppetClient;

class GatewayConnection : public QObject
{
    Q_OBJECT
public:
    GatewayConnection(const QString &accountId, const GatewayEndpoint &endpoint,
                      PuppetClient *client, const SessionTuning &tuning, SessionCounters &counters,
                      QObject *parent = nullptr);

    void start(); // connects, and keeps connecting
    void stop(); // tears down; no reconnect
    void reconnectNow(); // a new connection at once, backoff from its first step
    void connectAgain(); // a new connection at once, backoff kept
    void callStart(); // Start again (a new QR code after a logout)
    // A call that needs the connection failed: tear down, reconnect later.
    void fail(const GatewayStatus &status, const char *where);

    bool isRunning() const { return m_running; }
    bool isStreamOpen() const { return m_streamOpen; }
    quint64 generation() const { return m_generation; } // a new one per connection
    qint64 nextReconnectMs() const; // 0: none planned
    qint64 notRespondingSinceMs() const { return m_notRespondingSinceMs; }

signals:
    void connecting(); // a new attempt begins
    void streamOpened(); // the first event of a connection arrived
    void eventReceived(int type, const QByteArray &payload);
    void lost(); // torn down: results of calls in flight never come
    void failed(const GatewayStatus &status); // why it was torn down
    void tick(qint64 nowMs); // the watchdog's beat, for periodic work
    void changed(); // something the account's status shows
    void logLine(const QString &line);

private:
    void connectToGateway();
    void teardown();
    void scheduleReconnect();
    void onEvent(int type, const QByteArray &payload);
    void onStreamClosed(const GatewayStatus &status);
    void onWatchdog();

    QString m_accountId;
    GatewayEndpoint m_endpoint;
    PuppetClient *m_client;
    SessionTuning m_tuning;
    SessionCounters &m_counters;
    ExponentialBackoff m_backoff;
    QTimer m_reconnectTimer;
    QTimer m_watchdog;

    bool m_running = false;
    quint64 m_generation = 0;
    bool m_streamOpen = false;
    bool m_startCalled = false;
    qint64 m_nextReconnectMs = 0;
    qint64 m_lastActivityMs = 0;
    qint64 m_lastDingMs = 0;
    qint64 m_notRespondingSinceMs = 0; // see AccountStatus
};

} // namespace gd

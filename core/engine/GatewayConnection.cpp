#include "engine/GatewayConnection.h"

#include "gateway/PuppetClient.h"
#include "util/Log.h"

#include <QDateTime>

#include <algorithm>

namespace gd {
namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

GatewayConnection::GatewayConnection(const QString &accountId, const GatewayEndpoint &endpoint,
                                     PuppetClient *client, const SessionTuning &tuning,
                                     SessionCounters &counters, QObject *parent)
    : QObject(parent)
    , m_accountId(accountId)
    , m_endpoint(endpoint)
    , m_client(client)
    , m_tuning(tuning)
    , m_counters(counters)
    , m_backoff(tuning.backoffInitialMs, tuning.backoffMaxMs, 0.2, 30000, tuning.backoffFlapLimit,
                tuning.backoffFlapWindowMs)
    , m_reconnectTimer(this)
    , m_watchdog(this)
{
    m_reconnectTimer.setSingleShot(true);
    m_watchdog.setInterval(std::clamp(m_tuning.dingAfterSilenceMs / 4, 20, 1000));
    connect(&m_reconnectTimer, &QTimer::timeout, this, &GatewayConnection::connectToGateway);
    connect(&m_watchdog, &QTimer::timeout, this, &GatewayConnection::onWatchdog);
    connect(m_client, &PuppetClient::eventReceived, this, &GatewayConnection::onEvent);
    connect(m_client, &PuppetClient::eventStreamClosed, this, &GatewayConnection::onStreamClosed);
}

qint64 GatewayConnection::nextReconnectMs() const
{
    return m_reconnectTimer.isActive() ? m_nextReconnectMs : 0;
}

void GatewayConnection::start()
{
    if (m_running)
        return;
    m_running = true;
    m_watchdog.start();
    connectToGateway();
}

void GatewayConnection::stop()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation;
    m_watchdog.stop();
    m_reconnectTimer.stop();
    teardown();
}

void GatewayConnection::connectToGateway()
{
    if (!m_running)
        return;
    teardown();
    const quint64 generation = ++m_generation;
    m_reconnectTimer.stop();
    m_nextReconnectMs = 0;
    ++m_counters.connectAttempts;
    // A fresh channel each attempt: no inherited backoff from a dead one.
    m_client->setEndpoint(m_endpoint);
    emit connecting();
    m_lastActivityMs = nowMs();
    m_client->subscribeEvents();
    emit changed();

    // Start follows the first event (the stream is surely registered then);
    // a gateway that stays quiet gets Start anyway after a while.
    QTimer::singleShot(m_tuning.startFallbackMs, this, [this, generation] {
        if (generation == m_generation && m_running && !m_startCalled && m_client->isSubscribed())
            callStart();
    });
}

void GatewayConnection::connectAgain()
{
    connectToGateway();
}

void GatewayConnection::callStart()
{
    m_startCalled = true;
    const quint64 generation = m_generation;
    m_client->start([this, generation](const GatewayStatus &st) {
        if (generation != m_generation || !m_running)
            return;
        if (!st.ok())
            fail(st, "Start");
    });
}

void GatewayConnection::teardown()
{
    m_client->reset(); // results of calls in flight are dropped from here on
    m_streamOpen = false;
    m_startCalled = false;
    m_notRespondingSinceMs = 0; // a new connection gets its own verdict
    emit lost();
}

void GatewayConnection::fail(const GatewayStatus &status, const char *where)
{
    emit logLine(QStringLiteral("%1 failed: code %2: %3")
                     .arg(QLatin1String(where))
                     .arg(status.code)
                     .arg(status.message));
    teardown();
    ++m_generation;
    emit failed(status);
    scheduleReconnect();
}

void GatewayConnection::scheduleReconnect()
{
    if (!m_running)
        return;
    const int delay = m_backoff.nextDelayMs(nowMs());
    m_nextReconnectMs = nowMs() + delay;
    m_reconnectTimer.start(delay);
    if (m_backoff.flapping())
        qCWarning(lcEngine).noquote()
            << m_accountId << "the gateway keeps dropping working connections: waiting longer";
    emit logLine(QStringLiteral("reconnecting in %1 ms").arg(delay));
    emit changed();
}

void GatewayConnection::reconnectNow()
{
    if (!m_running) {
        start();
        return;
    }
    m_backoff.reset();
    connectToGateway();
}

void GatewayConnection::onEvent(int type, const QByteArray &payload)
{
    ++m_counters.eventsReceived;
    const qint64 now = nowMs();
    m_lastActivityMs = now;
    if (m_notRespondingSinceMs != 0) {
        emit logLine(QStringLiteral("the gateway answers again after %1 ms")
                         .arg(now - m_notRespondingSinceMs));
        m_notRespondingSinceMs = 0;
        emit changed();
    }
    if (!m_streamOpen) {
        m_streamOpen = true;
        m_backoff.connectionEstablished(now);
        // It delivered events: if it drops now, try again from the first step.
        m_backoff.connectionWorked();
        emit streamOpened();
        if (!m_startCalled)
            callStart();
    }
    emit eventReceived(type, payload);
}

void GatewayConnection::onStreamClosed(const GatewayStatus &status)
{
    if (!m_running)
        return;
    GatewayStatus st = status;
    if (st.ok()) // the server ended the stream without an error
        st = GatewayStatus{14, QStringLiteral("the gateway closed the event stream")};
    fail(st, "Event stream");
}

void GatewayConnection::onWatchdog()
{
    if (!m_running || m_reconnectTimer.isActive())
        return;
    const qint64 now = nowMs();
    const qint64 silence = now - m_lastActivityMs;
    if (silence >= m_tuning.reconnectAfterSilenceMs) {
        fail(GatewayStatus{4, QStringLiteral("no event for %1 ms").arg(silence)},
             m_streamOpen ? "Liveness check" : "Connect");
        return;
    }
    emit tick(now);
    if (m_streamOpen && silence >= m_tuning.notRespondingAfterMs && m_notRespondingSinceMs == 0) {
        // A Ding went out a while ago and nothing came back: say so now
        // rather than look "ready" until the reconnect.
        m_notRespondingSinceMs = m_lastActivityMs;
        qCWarning(lcEngine).noquote()
            << m_accountId << "the gateway has not answered for" << silence
            << "ms (no event, no DONG): not responding; reconnecting after"
            << m_tuning.reconnectAfterSilenceMs << "ms of silence";
        emit changed();
    }
    if (m_streamOpen && silence >= m_tuning.dingAfterSilenceMs
        && now - m_lastDingMs >= m_tuning.dingAfterSilenceMs) {
        m_lastDingMs = now;
        ++m_counters.dingsSent;
        m_client->ding(QStringLiteral("groupdesk-%1").arg(now),
                       [id = m_accountId](const GatewayStatus &st) {
                           if (!st.ok())
                               qCWarning(lcEngine).noquote()
                                   << id << "Ding failed: code" << st.code << st.message;
                       });
    }
}

} // namespace gd

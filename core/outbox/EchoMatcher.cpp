#include "outbox/EchoMatcher.h"

namespace gd {

EchoMatcher::EchoMatcher(qint64 windowMs)
    : m_windowMs(windowMs)
{}

void EchoMatcher::prune(qint64 nowMs)
{
    auto old = [this, nowMs](const Item &item) { return nowMs - item.atMs > m_windowMs; };
    m_sends.removeIf(old);
    m_echoes.removeIf(old);
}

QString EchoMatcher::sendAnsweredWithoutId(qint64 outboxId, const QString &conversationId,
                                           const QString &text, qint64 nowMs)
{
    prune(nowMs);
    for (qsizetype i = 0; i < m_echoes.size(); ++i) {
        const Item &echo = m_echoes.at(i);
        if (echo.conversationId == conversationId && echo.text == text) {
            QString id = echo.messageId;
            m_echoes.removeAt(i);
            return id;
        }
    }
    m_sends.append({outboxId, {}, conversationId, text, nowMs});
    return {};
}

qint64 EchoMatcher::ownMessageArrived(const QString &messageId, const QString &conversationId,
                                      const QString &text, qint64 nowMs)
{
    prune(nowMs);
    for (qsizetype i = 0; i < m_sends.size(); ++i) {
        const Item &send = m_sends.at(i);
        if (send.conversationId == conversationId && send.text == text) {
            const qint64 outboxId = send.outboxId;
            m_sends.removeAt(i);
            return outboxId;
        }
    }
    for (const Item &echo : std::as_const(m_echoes)) {
        if (echo.messageId == messageId)
            return 0; // the same echo delivered twice: remember it once
    }
    m_echoes.append({0, messageId, conversationId, text, nowMs});
    return 0;
}

void EchoMatcher::forgetMessage(const QString &messageId)
{
    m_echoes.removeIf([&](const Item &echo) { return echo.messageId == messageId; });
}

} // namespace gd

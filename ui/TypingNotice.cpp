#include "TypingNotice.h"

#include "store/PresenceBoard.h"

#include <QLocale>

namespace gd {

TypingNotice::TypingNotice(PresenceBoard *board, QWidget *parent)
    : QLabel(parent)
    , m_board(board)
{
    setTextFormat(Qt::PlainText); // agents' names are typed by people
    setContentsMargins(20, 4, 20, 4);
    setWordWrap(true);
    hide();
    connect(m_board, &PresenceBoard::changed, this,
            [this](const QString &accountId, const QString &conversationId) {
                if (accountId == m_accountId && conversationId == m_conversationId)
                    refresh();
            });
    m_poll.setInterval(PresenceBoard::kHeartbeatMs);
    connect(&m_poll, &QTimer::timeout, this, &TypingNotice::refresh);
}

void TypingNotice::setConversation(const QString &accountId, const QString &conversationId)
{
    m_accountId = accountId;
    m_conversationId = conversationId;
    setText(QString());
    hide();
    if (conversationId.isEmpty()) {
        m_poll.stop();
        ++m_request;
        return;
    }
    m_poll.start();
    refresh();
}

QString TypingNotice::describe(const QStringList &names)
{
    if (names.isEmpty())
        return QString();
    if (names.size() == 1)
        return tr("%1 is typing an answer here.").arg(names.first());
    return tr("%1 are typing answers here.").arg(QLocale().createSeparatedList(names));
}

void TypingNotice::refresh()
{
    if (m_conversationId.isEmpty())
        return;
    const int request = ++m_request;
    m_board->othersTyping(m_accountId, m_conversationId, this,
                          [this, request](const QStringList &names) {
                              if (request != m_request)
                                  return; // a newer question is on its way
                              setText(describe(names));
                              setVisible(!names.isEmpty());
                          });
}

} // namespace gd

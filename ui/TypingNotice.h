#pragma once
// The line above the composer saying which other agents are typing an
// answer in the open conversation (issue 18: two agents should not answer
// the same customer). Asks the PresenceBoard when the conversation opens,
// when the board says something changed there, and every few seconds (a
// console that vanished stops counting without a change). Plain text;
// hidden when nobody else is typing.

#include <QLabel>
#include <QTimer>

namespace gd {

class PresenceBoard;

class TypingNotice : public QLabel
{
    Q_OBJECT
public:
    explicit TypingNotice(PresenceBoard *board, QWidget *parent = nullptr);

    void setConversation(const QString &accountId, const QString &conversationId);
    // The sentence for these names (empty: nobody).
    static QString describe(const QStringList &names);

private:
    void refresh();

    PresenceBoard *m_board;
    QString m_accountId;
    QString m_conversationId;
    int m_request = 0; // the latest request wins
    QTimer m_poll;
};

} // namespace gd

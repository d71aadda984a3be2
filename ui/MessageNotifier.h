#pragma once
// Desktop notifications for the messages staff must not miss: a message
// that mentions the bot, and a customer message in a watched group (both
// per the settings). Not for the conversation staff are reading, nor for the
// bot's own sends or repeats. A muted group stays quiet even when watched;
// a mention of the bot still comes through, as in WeChat's "mute
// notifications". One notification per stored batch, so a busy group does
// not flood the desktop; clicking it opens the conversation.

#include "model/Types.h"

#include <QObject>

class QSystemTrayIcon;

namespace gd {

class AppSettings;
class Engine;
class Store;
class UnreadTracker;

class RoomPreferences;

class MessageNotifier : public QObject
{
    Q_OBJECT
public:
    MessageNotifier(Store *store, Engine *engine, AppSettings *settings, UnreadTracker *tracker,
                    QObject *parent = nullptr);

    // Where notifications are shown (none: only the signal).
    void setTray(QSystemTrayIcon *tray);
    // Staff's pinned/muted marks (none: nothing is muted).
    void setPreferences(RoomPreferences *preferences) { m_preferences = preferences; }
    // The conversation staff have on screen in the active window (empty: none).
    void setReading(const QString &accountId, const QString &conversationId);

signals:
    void notificationRaised(const QString &accountId, const QString &conversationId,
                            const QString &title, const QString &body);
    // The user clicked the last notification.
    void conversationRequested(const QString &accountId, const QString &conversationId);

private:
    void onMessagesStored(const QVector<Message> &messages);

    Engine *m_engine;
    AppSettings *m_settings;
    UnreadTracker *m_tracker;
    QSystemTrayIcon *m_tray = nullptr;
    RoomPreferences *m_preferences = nullptr;
    QString m_readingAccount;
    QString m_readingConversation;
    QString m_lastAccount;
    QString m_lastConversation;
};

} // namespace gd

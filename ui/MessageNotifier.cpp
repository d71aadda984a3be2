#include "MessageNotifier.h"

#include "AppSettings.h"
#include "PlainText.h"
#include "RoomPreferences.h"
#include "UnreadTracker.h"
#include "engine/Engine.h"
#include "store/Store.h"
#include "util/Log.h"

#include <QSystemTrayIcon>

namespace gd {

MessageNotifier::MessageNotifier(Store *store, Engine *engine, AppSettings *settings,
                                 UnreadTracker *tracker, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_settings(settings)
    , m_tracker(tracker)
{
    connect(store, &Store::messagesStored, this, &MessageNotifier::onMessagesStored);
}

void MessageNotifier::setTray(QSystemTrayIcon *tray)
{
    if (m_tray)
        disconnect(m_tray, nullptr, this, nullptr);
    m_tray = tray;
    if (m_tray) {
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (!m_lastConversation.isEmpty())
                emit conversationRequested(m_lastAccount, m_lastConversation);
        });
    }
}

void MessageNotifier::setReading(const QString &accountId, const QString &conversationId)
{
    m_readingAccount = accountId;
    m_readingConversation = conversationId;
}

void MessageNotifier::onMessagesStored(const QVector<Message> &messages)
{
    const bool mentionsOn = m_settings->notifyMentions();
    const bool watchedOn = m_settings->notifyWatchedGroups();
    if (!mentionsOn && !watchedOn)
        return;
    QVector<const Message *> mentions;
    QVector<const Message *> watched;
    for (const Message &m : messages) {
        if (m.fromSelf || !m.duplicateOf.isEmpty() || m.roomId.isEmpty())
            continue;
        if (m.accountId == m_readingAccount && m.roomId == m_readingConversation)
            continue;
        const AccountInfo info = m_engine->status(m.accountId).info;
        if (mentionsOn && UnreadTracker::mentionsSelf(m, info.selfContactId, info.selfName))
            mentions.append(&m);
        else if (watchedOn && m_settings->isWatched(m.accountId, m.roomId)
                 && !(m_preferences && m_preferences->isMuted(m.accountId, m.roomId)))
            watched.append(&m);
    }
    if (mentions.isEmpty() && watched.isEmpty())
        return;

    const Message &first = *(mentions.isEmpty() ? watched : mentions).constFirst();
    const QString room = m_tracker->roomTopic(first.accountId, first.roomId).isEmpty()
        ? first.roomId
        : m_tracker->roomTopic(first.accountId, first.roomId);
    const QString sender = first.talkerName.isEmpty() ? first.talkerId : first.talkerName;
    QString title;
    if (!mentions.isEmpty())
        title = mentions.size() == 1 ? tr("%1 mentioned you in %2").arg(sender, room)
                                     : tr("%n messages mention you", nullptr, int(mentions.size()));
    else
        title = watched.size() == 1
            ? tr("%1 in %2").arg(sender, room)
            : tr("%n new messages in watched groups", nullptr, int(watched.size()));
    const QString text = first.kind == MessageKind::Text ? first.text : first.filename;
    const QString body = (mentions.size() + watched.size() == 1)
        ? text.left(200)
        : tr("%1 in %2: %3").arg(sender, room, text.left(160));
    m_lastAccount = first.accountId;
    m_lastConversation = first.roomId;
    qCInfo(lcUi).noquote() << "notification:" << (mentions.isEmpty() ? "watched" : "mention");
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, PlainText::notificationBody(body), QSystemTrayIcon::Information,
                            8000);
    emit notificationRaised(first.accountId, first.roomId, title, body);
}

} // namespace gd

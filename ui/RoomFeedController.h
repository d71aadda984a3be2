#pragma once
// Keeps a FeedModel filled with one conversation: the newest page when the
// room is opened, older pages on request, live messages from the store as they
// are committed, and the room's outbox entries. Results of reads that come back
// after the user switched rooms are dropped.

#include "util/LatestRequest.h"
#include "model/Types.h"

#include <QObject>
#include <QString>

namespace gd {

class FeedModel;
class Store;

class RoomFeedController : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 100;

    RoomFeedController(Store *store, FeedModel *model, QObject *parent = nullptr);

    void open(const QString &accountId, const QString &conversationId);
    // Opens the conversation at one message (a search hit) with context on
    // both sides; scrolling then pages older and newer from there. Emits
    // jumpedTo once the rows are in the model.
    void openAt(const QString &accountId, const QString &conversationId, qint64 rowId);
    void close();
    // Whether what is shown counts as read. A group opened for the user at
    // start, before they looked, keeps its unread count until they act in it.
    // open() turns it back on.
    void setMarksRead(bool marksRead);
    bool marksRead() const { return m_marksRead; }
    QString accountId() const { return m_accountId; }
    QString conversationId() const { return m_conversationId; }
    bool isLoading() const { return m_loadingOlder || m_loadingNewer; }

public slots:
    void loadOlder();
    void loadNewer();

signals:
    void initialPageLoaded();
    void jumpedTo(qint64 rowId); // the message openAt asked for is in the model

private:
    void onMessagesStored(const QVector<gd::Message> &messages);
    void onOutboxChanged(const gd::OutboxEntry &entry);
    void loadPending();
    void markRead();

    Store *m_store;
    FeedModel *m_model;
    QString m_accountId;
    QString m_conversationId;
    LatestRequest m_requests; // superseded on every open/close: stale reads are dropped
    bool m_loadingOlder = false;
    bool m_loadingNewer = false;
    bool m_initialLoaded = false;
    bool m_markReadScheduled = false;
    bool m_marksRead = true;
    QVector<Message> m_early; // live messages announced before the first page came
};

} // namespace gd

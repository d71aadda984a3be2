#include "RoomFeedController.h"

#include "FeedModel.h"
#include "outbox/OutboxRepository.h"
#include "store/ChangeFeed.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "util/Log.h"

#include <QTimer>

namespace gd {

RoomFeedController::RoomFeedController(Store *store, FeedModel *model, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_model(model)
{
    // New rows and outbox changes through the typed feed: both arrive on this
    // thread in commit order, so a sent row never overtakes its pending bubble.
    auto *feed = new ChangeFeed(m_store, this);
    connect(feed, &ChangeFeed::changed, this, [this](const StoreChange &change) {
        if (const auto *added = std::get_if<change::MessagesAdded>(&change))
            onMessagesStored(added->messages);
        else if (const auto *outbox = std::get_if<change::OutboxRowChanged>(&change))
            onOutboxChanged(outbox->entry);
    });
}

void RoomFeedController::open(const QString &accountId, const QString &conversationId)
{
    if (accountId == m_accountId && conversationId == m_conversationId)
        return;
    close();
    m_accountId = accountId;
    m_conversationId = conversationId;
    if (conversationId.isEmpty())
        return;

    const LatestRequest::Ticket ticket = m_requests.current();
    m_loadingOlder = true;
    m_store->read<QVector<Message>>(
        this,
        [accountId, conversationId](StoreReader &reader) {
            return reader.messagesBefore(accountId, conversationId, FeedCursor{}, kPageSize);
        },
        [this, ticket](const QVector<Message> &page) {
            if (!m_requests.isLatest(ticket))
                return;
            m_loadingOlder = false;
            m_initialLoaded = true;
            // Live messages that arrived while the page was read are merged
            // by the model's dedupe.
            m_model->prependOlder(page);
            if (page.size() < kPageSize)
                m_model->setReachedStart(true);
            // Messages committed after the page was read but announced before
            // it arrived; the model drops the ones the page already had.
            m_model->appendNewer(m_early);
            m_early.clear();
            loadPending();
            markRead();
            emit initialPageLoaded();
        });
}

void RoomFeedController::openAt(const QString &accountId, const QString &conversationId,
                                qint64 rowId)
{
    close();
    m_accountId = accountId;
    m_conversationId = conversationId;
    if (conversationId.isEmpty())
        return;
    const LatestRequest::Ticket ticket = m_requests.current();
    constexpr int half = kPageSize / 2; // a constant: the lambdas need no capture
    m_loadingOlder = true;
    m_store->read<QVector<Message>>(
        this,
        [accountId, conversationId, rowId](StoreReader &reader) {
            return reader.messagesAround(accountId, conversationId, rowId, half, half);
        },
        [this, ticket, rowId](const QVector<Message> &page) {
            if (!m_requests.isLatest(ticket))
                return;
            m_loadingOlder = false;
            m_initialLoaded = true;
            int centre = 0;
            while (centre < page.size() && page.at(centre).rowId != rowId)
                ++centre;
            if (centre == page.size()) { // gone (or never there): show the newest page instead
                const QString a = m_accountId;
                const QString c = m_conversationId;
                close();
                open(a, c);
                return;
            }
            m_model->prependOlder(page);
            if (centre < half)
                m_model->setReachedStart(true);
            // Newer messages exist past the window: live ones wait until
            // scrolling down has caught up (no gap in the feed).
            m_model->setNewerTruncated(page.size() - centre - 1 >= half);
            if (!m_model->newerTruncated())
                m_model->appendNewer(m_early);
            m_early.clear();
            loadPending();
            emit initialPageLoaded();
            emit jumpedTo(rowId);
        });
}

void RoomFeedController::close()
{
    m_requests.supersede();
    m_accountId.clear();
    m_conversationId.clear();
    m_loadingOlder = false;
    m_loadingNewer = false;
    m_initialLoaded = false;
    m_marksRead = true;
    m_early.clear();
    m_model->clear();
}

void RoomFeedController::loadOlder()
{
    if (m_conversationId.isEmpty() || m_loadingOlder || m_model->reachedStart())
        return;
    m_loadingOlder = true;
    const LatestRequest::Ticket ticket = m_requests.current();
    const FeedCursor cursor = m_model->oldestCursor();
    m_store->read<QVector<Message>>(
        this,
        [a = m_accountId, c = m_conversationId, cursor](StoreReader &reader) {
            return reader.messagesBefore(a, c, cursor, kPageSize);
        },
        [this, ticket](const QVector<Message> &page) {
            if (!m_requests.isLatest(ticket))
                return;
            m_loadingOlder = false;
            m_model->prependOlder(page);
            if (page.size() < kPageSize)
                m_model->setReachedStart(true);
        });
}

void RoomFeedController::loadNewer()
{
    if (m_conversationId.isEmpty() || m_loadingNewer || !m_model->newerTruncated())
        return;
    m_loadingNewer = true;
    const LatestRequest::Ticket ticket = m_requests.current();
    const FeedCursor cursor = m_model->newestCursor();
    m_store->read<QVector<Message>>(
        this,
        [a = m_accountId, c = m_conversationId, cursor](StoreReader &reader) {
            return reader.messagesAfter(a, c, cursor, kPageSize);
        },
        [this, ticket](const QVector<Message> &page) {
            if (!m_requests.isLatest(ticket))
                return;
            m_loadingNewer = false;
            if (page.size() < kPageSize)
                m_model->setNewerTruncated(false); // caught up: live messages flow again
            m_model->appendNewer(page);
        });
}

void RoomFeedController::loadPending()
{
    const LatestRequest::Ticket ticket = m_requests.current();
    m_store->read<QVector<OutboxEntry>>(
        this,
        [a = m_accountId, c = m_conversationId](StoreReader &reader) {
            return OutboxRepository::rowsForConversation(reader, a, c);
        },
        [this, ticket](const QVector<OutboxEntry> &entries) {
            if (!m_requests.isLatest(ticket))
                return;
            m_model->setPending(entries);
        });
}

void RoomFeedController::onMessagesStored(const QVector<Message> &messages)
{
    if (m_conversationId.isEmpty())
        return;
    QVector<Message> mine;
    for (const Message &m : messages) {
        if (m.accountId == m_accountId && m.conversationId() == m_conversationId)
            mine.append(m);
    }
    if (mine.isEmpty())
        return;
    if (!m_initialLoaded) {
        m_early += mine;
        return;
    }
    // While the window's newest rows are dropped, appending would leave a gap.
    if (m_model->newerTruncated())
        return;
    m_model->appendNewer(mine);
    markRead();
}

void RoomFeedController::onOutboxChanged(const OutboxEntry &entry)
{
    if (entry.accountId != m_accountId || entry.conversationId != m_conversationId)
        return;
    m_model->upsertPending(entry);
}

void RoomFeedController::setMarksRead(bool marksRead)
{
    const bool turnedOn = marksRead && !m_marksRead;
    m_marksRead = marksRead;
    if (turnedOn && m_initialLoaded)
        markRead();
}

void RoomFeedController::markRead()
{
    // The room is on screen: its messages count as read. Coalesced so a busy
    // room does not turn into a write per message.
    if (m_markReadScheduled || !m_marksRead)
        return;
    m_markReadScheduled = true;
    QTimer::singleShot(500, this, [this] {
        m_markReadScheduled = false;
        if (!m_conversationId.isEmpty() && m_marksRead)
            m_store->markConversationRead(m_accountId, m_conversationId);
    });
}

} // namespace gd

#include "RoomListModel.h"

#include "FeedView.h"
#include "PlainText.h"
#include "RoomPreferences.h"
#include "TimeText.h"
#include "WeChatEmoji.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace gd {

RoomListModel::RoomListModel(Store *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &RoomListModel::refresh);
    connect(m_store, &Store::roomsChanged, this, [this](const QString &accountId) {
        if (accountId == m_accountId)
            scheduleRefresh();
    });
    // Tags change the filtered rows and every row's chips.
    connect(m_store, &Store::tagsChanged, this, &RoomListModel::scheduleRefresh);
    connect(m_store, &Store::messagesStored, this, [this](const QVector<Message> &messages) {
        for (const Message &m : messages) {
            if (m.accountId == m_accountId && !m.roomId.isEmpty()) {
                scheduleRefresh();
                return;
            }
        }
    });
}

void RoomListModel::setAccount(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_requests.supersede();
    m_accountId = accountId;
    m_reading = false;
    m_incoming.clear();
    m_waiting.clear();
    m_waitCache.clear();
    beginResetModel();
    m_rows.clear();
    endResetModel();
    if (!accountId.isEmpty())
        refresh();
}

void RoomListModel::setTagFilter(const QString &tag)
{
    if (tag == m_tagFilter)
        return;
    m_tagFilter = tag;
    m_requests.supersede(); // a read for the old filter is stale
    m_reading = false;
    refresh();
}

void RoomListModel::setSortMode(SortMode mode)
{
    if (mode == m_sortMode)
        return;
    m_sortMode = mode;
    m_requests.supersede(); // the waiting times are read only for this mode
    m_reading = false;
    refresh();
}

void RoomListModel::setPreferences(RoomPreferences *preferences)
{
    if (m_preferences)
        disconnect(m_preferences, nullptr, this, nullptr);
    m_preferences = preferences;
    if (m_preferences) {
        connect(m_preferences, &RoomPreferences::changed, this, [this](const QString &accountId) {
            if (accountId == m_accountId)
                apply(m_incoming, true); // the user pinned or muted: show it now
        });
    }
    apply(m_incoming, true);
}

void RoomListModel::setOrderHeld(bool held)
{
    if (held == m_orderHeld)
        return;
    m_orderHeld = held;
    if (!held)
        apply(m_incoming, true);
}

QVector<RoomSummary> RoomListModel::sorted(QVector<RoomSummary> rows) const
{
    // The store's order is most recent first; the sort is stable on it.
    auto pinned = [this](const RoomSummary &r) {
        return m_preferences && m_preferences->isPinned(m_accountId, r.roomId);
    };
    if (m_sortMode == SortMode::NeedsAttention) {
        // Groups with open alerts first (a complaint, an unanswered
        // customer, ...), then the longest waiting.
        auto alerted = [this](const RoomSummary &r) {
            return m_alertCounter && m_alertCounter(r.accountId, r.roomId) > 0;
        };
        std::stable_sort(rows.begin(), rows.end(),
                         [this, &pinned, &alerted](const RoomSummary &a, const RoomSummary &b) {
                             const bool pa = pinned(a);
                             const bool pb = pinned(b);
                             if (pa != pb)
                                 return pa;
                             const bool aa = alerted(a);
                             const bool ab = alerted(b);
                             if (aa != ab)
                                 return aa;
                             const qint64 wa = m_waiting.value(a.roomId);
                             const qint64 wb = m_waiting.value(b.roomId);
                             if ((wa > 0) != (wb > 0))
                                 return wa > 0;
                             return wa > 0 && wa < wb; // longest waiting first
                         });
    } else if (m_sortMode == SortMode::Health) {
        // Healthiest first; unrated groups last.
        auto stars = [this](const RoomSummary &r) {
            return m_healthRating ? m_healthRating(r.accountId, r.roomId) : -1;
        };
        std::stable_sort(rows.begin(), rows.end(),
                         [&pinned, &stars](const RoomSummary &a, const RoomSummary &b) {
                             const bool pa = pinned(a);
                             const bool pb = pinned(b);
                             if (pa != pb)
                                 return pa;
                             return stars(a) > stars(b);
                         });
    } else {
        std::stable_sort(rows.begin(), rows.end(),
                         [&pinned](const RoomSummary &a, const RoomSummary &b) {
                             return pinned(a) && !pinned(b);
                         });
    }
    return rows;
}

void RoomListModel::setOpenRoom(const QString &roomId)
{
    m_openRoom = roomId;
    const int row = rowOf(roomId);
    if (row >= 0) {
        m_rows[row].unread = 0;
        emit dataChanged(index(row), index(row), {UnreadRole});
    }
}

void RoomListModel::scheduleRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void RoomListModel::refresh()
{
    if (m_accountId.isEmpty())
        return;
    if (m_reading) {
        m_dirty = true; // one more read when this one is back
        return;
    }
    m_reading = true;
    m_dirty = false;
    const LatestRequest::Ticket ticket = m_requests.current();
    struct Read
    {
        QVector<RoomSummary> rows;
        QHash<QString, QStringList> tags;
        QHash<QString, QPair<qint64, qint64>> waits;
    };
    const bool wantWaits = m_sortMode == SortMode::NeedsAttention;
    m_store->read<Read>(
        this,
        [accountId = m_accountId, tag = m_tagFilter, wantWaits,
         cache = m_waitCache](StoreReader &reader) {
            Read read;
            // Tags for the chips: one query per tag, far fewer than rooms.
            for (const QString &name : reader.allTags()) {
                for (const QString &roomId : reader.roomsWithTag(accountId, name))
                    read.tags[roomId].append(name);
            }
            QVector<RoomSummary> &rows = read.rows;
            rows = reader.roomSummaries(accountId);
            if (!tag.isEmpty()) {
                const QStringList tagged = reader.roomsWithTag(accountId, tag);
                const QSet<QString> keep(tagged.begin(), tagged.end());
                rows.erase(std::remove_if(
                               rows.begin(), rows.end(),
                               [&keep](const RoomSummary &s) { return !keep.contains(s.roomId); }),
                           rows.end());
            }
            if (wantWaits) {
                // Only rooms with a new last message are read again.
                for (const RoomSummary &r : std::as_const(rows)) {
                    const auto it = cache.constFind(r.roomId);
                    read.waits.insert(
                        r.roomId,
                        it != cache.constEnd() && it->first == r.lastMessageMs
                            ? *it
                            : qMakePair(r.lastMessageMs,
                                        reader.awaitingReplySince(accountId, r.roomId)));
                }
            }
            return read;
        },
        [this, ticket](Read read) {
            if (!m_requests.isLatest(ticket))
                return;
            m_reading = false;
            m_tags = std::move(read.tags);
            m_waitCache = read.waits;
            m_waiting.clear();
            for (auto it = read.waits.cbegin(); it != read.waits.cend(); ++it) {
                if (it->second > 0)
                    m_waiting.insert(it.key(), it->second);
            }
            apply(read.rows);
            if (m_dirty)
                scheduleRefresh();
        });
}

void RoomListModel::apply(const QVector<RoomSummary> &incoming, bool force)
{
    m_incoming = incoming;
    QVector<RoomSummary> rows = sorted(incoming);
    for (RoomSummary &r : rows) {
        if (r.roomId == m_openRoom)
            r.unread = 0;
    }
    QSet<QString> oldIds;
    for (const RoomSummary &r : std::as_const(m_rows))
        oldIds.insert(r.roomId);
    QSet<QString> newIds;
    for (const RoomSummary &r : std::as_const(rows))
        newIds.insert(r.roomId);

    if (m_orderHeld && !force && !m_rows.isEmpty() && oldIds.subtract(newIds).isEmpty()) {
        // Held: every row stays where it is, with fresh contents; new rooms
        // are added at the end, where they move nothing.
        QHash<QString, int> at;
        for (int i = 0; i < rows.size(); ++i)
            at.insert(rows.at(i).roomId, i);
        QVector<RoomSummary> added;
        for (int i = 0; i < m_rows.size(); ++i)
            m_rows[i] = rows.at(at.take(m_rows.at(i).roomId));
        for (const RoomSummary &r : std::as_const(rows)) {
            if (at.contains(r.roomId))
                added.append(r);
        }
        if (!m_rows.isEmpty())
            emit dataChanged(index(0), index(int(m_rows.size()) - 1));
        if (!added.isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(added.size()) - 1);
            m_rows += added;
            endInsertRows();
        }
        emit refreshed();
        return;
    }
    oldIds.clear();
    for (const RoomSummary &r : std::as_const(m_rows))
        oldIds.insert(r.roomId);

    if (oldIds != newIds) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else {
        // Same rooms, new order: a layout change keeps the selection and
        // scroll position of the views.
        emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QStringList ids;
        for (const QModelIndex &i : before)
            ids.append(m_rows.at(i.row()).roomId);
        m_rows = rows;
        QModelIndexList after;
        for (const QString &id : std::as_const(ids))
            after.append(index(rowOf(id)));
        changePersistentIndexList(before, after);
        emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
        if (!m_rows.isEmpty())
            emit dataChanged(index(0), index(int(m_rows.size()) - 1));
    }
    emit refreshed();
}

int RoomListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RoomListModel::rowOf(const QString &roomId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).roomId == roomId)
            return i;
    }
    return -1;
}

QString RoomListModel::previewText(const RoomSummary &s)
{
    if (s.lastMessageMs == 0 && s.lastText.isEmpty())
        return tr("No messages yet");
    Message m;
    m.kind = s.lastKind;
    m.text = s.lastText;
    // Only the start shows; emoji codes as the feed shows them.
    QString text = WeChatEmoji::replaceCodes(FeedView::displayText(m).left(200)).simplified();
    if (s.lastSender.isEmpty() || s.lastKind == MessageKind::System)
        return text;
    return tr("%1: %2", "room list preview: sender, text").arg(s.lastSender, text);
}

QString RoomListModel::timeText(qint64 ms)
{
    if (ms <= 0)
        return {};
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms);
    const QDate today = QDate::currentDate();
    if (when.date() == today)
        return TimeText::clock(ms);
    if (when.date() == today.addDays(-1))
        return tr("Yesterday");
    if (when.date().year() == today.year())
        return QLocale().toString(when.date(), tr("M/d", "short date in the room list"));
    return QLocale().toString(when.date(), QLocale::ShortFormat);
}

QString RoomListModel::waitingText(qint64 sinceMs, qint64 nowMs)
{
    const qint64 minutes = qMax<qint64>(0, (nowMs - sinceMs) / 60000);
    if (minutes < 1)
        return tr("waiting <1 min");
    if (minutes < 60)
        return tr("waiting %1 min").arg(minutes);
    if (minutes < 48 * 60)
        return tr("waiting %1 h").arg(minutes / 60);
    return tr("waiting %1 d").arg(minutes / (24 * 60));
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const RoomSummary &s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TopicRole:
        return s.topic.isEmpty() ? s.roomId : s.topic;
    case Qt::ToolTipRole:
        return PlainText::toolTip(tr("%1 · %n member(s)", nullptr, s.memberCount)
                                      .arg(s.topic.isEmpty() ? s.roomId : s.topic));
    case RoomIdRole:
        return s.roomId;
    case PreviewRole:
        return previewText(s);
    case TimeTextRole:
        if (m_sortMode == SortMode::NeedsAttention && m_waiting.value(s.roomId) > 0)
            return waitingText(m_waiting.value(s.roomId), QDateTime::currentMSecsSinceEpoch());
        return timeText(s.lastMessageMs);
    case LastMessageMsRole:
        return s.lastMessageMs;
    case UnreadRole:
        return s.unread;
    case MemberCountRole:
        return s.memberCount;
    case OpenAlertsRole:
        return m_alertCounter ? m_alertCounter(s.accountId, s.roomId) : 0;
    case HealthStarsRole:
        return m_healthRating ? m_healthRating(s.accountId, s.roomId) : -1;
    case TagsRole:
        return m_tags.value(s.roomId);
    case PinnedRole:
        return m_preferences && m_preferences->isPinned(m_accountId, s.roomId);
    case MutedRole:
        return m_preferences && m_preferences->isMuted(m_accountId, s.roomId);
    case WaitingSinceRole:
        return m_waiting.value(s.roomId);
    default:
        return {};
    }
}

void RoomListModel::setAlertCounter(std::function<int(const QString &, const QString &)> counter)
{
    m_alertCounter = std::move(counter);
    alertCountsChanged();
}

void RoomListModel::alertCountsChanged()
{
    // Sorted by attention, an alert moves its group (unless the order is held).
    if (m_sortMode == SortMode::NeedsAttention && !m_incoming.isEmpty())
        apply(m_incoming);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {OpenAlertsRole});
}

void RoomListModel::setHealthRating(std::function<int(const QString &, const QString &)> rating)
{
    m_healthRating = std::move(rating);
    healthChanged();
}

void RoomListModel::healthChanged()
{
    if (m_sortMode == SortMode::Health && !m_incoming.isEmpty())
        apply(m_incoming);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {HealthStarsRole});
}

} // namespace gd

#include "RoomListModel.h"

#include "FeedView.h"
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
    ++m_generation;
    m_accountId = accountId;
    m_reading = false;
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
    ++m_generation; // a read for the old filter is stale
    m_reading = false;
    refresh();
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
    const quint64 generation = m_generation;
    struct Snapshot
    {
        QVector<RoomSummary> rows;
        QHash<QString, QStringList> tags;
    };
    m_store->read<Snapshot>(
        this,
        [accountId = m_accountId, tag = m_tagFilter](StoreReader &reader) {
            Snapshot snapshot;
            // Tags for the chips: one query per tag, far fewer than rooms.
            for (const QString &name : reader.allTags()) {
                for (const QString &roomId : reader.roomsWithTag(accountId, name))
                    snapshot.tags[roomId].append(name);
            }
            QVector<RoomSummary> rows = reader.roomSummaries(accountId);
            if (!tag.isEmpty()) {
                const QStringList tagged = reader.roomsWithTag(accountId, tag);
                const QSet<QString> keep(tagged.begin(), tagged.end());
                rows.erase(std::remove_if(
                               rows.begin(), rows.end(),
                               [&keep](const RoomSummary &s) { return !keep.contains(s.roomId); }),
                           rows.end());
            }
            snapshot.rows = std::move(rows);
            return snapshot;
        },
        [this, generation](Snapshot snapshot) {
            if (generation != m_generation)
                return;
            m_reading = false;
            m_tags = std::move(snapshot.tags);
            apply(snapshot.rows);
            if (m_dirty)
                scheduleRefresh();
        });
}

void RoomListModel::apply(const QVector<RoomSummary> &incoming)
{
    QVector<RoomSummary> rows = incoming;
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
    QString text = FeedView::displayText(m).simplified();
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
        return QLocale().toString(when.time(), QStringLiteral("HH:mm"));
    if (when.date() == today.addDays(-1))
        return tr("Yesterday");
    if (when.date().year() == today.year())
        return QLocale().toString(when.date(), tr("M/d", "short date in the room list"));
    return QLocale().toString(when.date(), QLocale::ShortFormat);
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
        return tr("%1 · %n member(s)", nullptr, s.memberCount)
            .arg(s.topic.isEmpty() ? s.roomId : s.topic);
    case RoomIdRole:
        return s.roomId;
    case PreviewRole:
        return previewText(s);
    case TimeTextRole:
        return timeText(s.lastMessageMs);
    case LastMessageMsRole:
        return s.lastMessageMs;
    case UnreadRole:
        return s.unread;
    case MemberCountRole:
        return s.memberCount;
    case OpenAlertsRole:
        return m_alertCounter ? m_alertCounter(s.accountId, s.roomId) : 0;
    case TagsRole:
        return m_tags.value(s.roomId);
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
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {OpenAlertsRole});
}

} // namespace gd

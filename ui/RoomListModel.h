#pragma once
// The rooms of one account for the room list: topic, last message, time and
// unread count; pinned groups first, then most recently active first (or,
// sorted by "needs attention", those whose customers wait longest for an
// answer). Re-read from the store (async) when rooms or messages change, at
// most a few times per second, so a busy gateway does not turn into a query
// per message. While the order is held (the pointer is over the list) rows
// keep their places and only their contents change.

#include "util/LatestRequest.h"
#include "model/Types.h"

#include <QAbstractListModel>
#include <QHash>
#include <QTimer>
#include <QVector>

#include <functional>

namespace gd {

class RoomPreferences;
class Store;

class RoomListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        RoomIdRole = Qt::UserRole + 1,
        TopicRole,
        PreviewRole, // "sender: text"
        TimeTextRole, // "14:05", "Yesterday", "3/12"
        LastMessageMsRole,
        UnreadRole,
        MemberCountRole,
        OpenAlertsRole, // open alerts of the group (0 without a counter)
        TagsRole, // the group's staff tags (QStringList), shown as chips
        PinnedRole,
        MutedRole,
        WaitingSinceRole, // ms of the oldest unanswered customer message, 0: none
        HealthStarsRole, // group health 0..5 stars; -1: not rated (yet)
    };
    enum class SortMode { Recent, NeedsAttention, Health };

    static constexpr int kRefreshDelayMs = 250;

    explicit RoomListModel(Store *store, QObject *parent = nullptr);

    void setAccount(const QString &accountId);
    QString accountId() const { return m_accountId; }
    // A room the user is reading shows no unread badge whatever the store says
    // (its read mark is written a little later).
    void setOpenRoom(const QString &roomId);
    // Only rooms carrying this staff tag (empty: every room).
    void setTagFilter(const QString &tag);
    QString tagFilter() const { return m_tagFilter; }
    void setSortMode(SortMode mode);
    SortMode sortMode() const { return m_sortMode; }
    // Pins and mutes; the model re-sorts when they change.
    void setPreferences(RoomPreferences *preferences);
    RoomPreferences *preferences() const { return m_preferences; }
    // Held: no row moves (new groups are added at the end); released: the
    // list sorts again at once.
    void setOrderHeld(bool held);
    bool isOrderHeld() const { return m_orderHeld; }

    // Where OpenAlertsRole comes from (the alert inbox's model); call
    // alertCountsChanged() when its answers change.
    void setAlertCounter(std::function<int(const QString &, const QString &)> counter);
    void alertCountsChanged();
    // Where HealthStarsRole comes from (group operations' ratings, -1 for
    // unknown); call healthChanged() when its answers change.
    void setHealthRating(std::function<int(const QString &, const QString &)> rating);
    void healthChanged();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    int rowOf(const QString &roomId) const;
    RoomSummary summaryAt(int row) const { return m_rows.at(row); }
    void refresh(); // re-reads now (the timer calls this)

    static QString previewText(const RoomSummary &summary);
    static QString timeText(qint64 ms);
    // "12 min", "3 h", for how long a customer has been waiting.
    static QString waitingText(qint64 sinceMs, qint64 nowMs);

signals:
    void refreshed();

private:
    void scheduleRefresh();
    // force: sort even while the order is held (the user asked for it).
    void apply(const QVector<RoomSummary> &rows, bool force = false);
    QVector<RoomSummary> sorted(QVector<RoomSummary> rows) const;

    Store *m_store;
    RoomPreferences *m_preferences = nullptr;
    SortMode m_sortMode = SortMode::Recent;
    bool m_orderHeld = false;
    QVector<RoomSummary> m_incoming; // the last read, in the store's order
    QHash<QString, qint64> m_waiting; // room id -> waiting since (ms)
    // room id -> (last message ms, waiting since): unchanged rooms are not re-read.
    QHash<QString, QPair<qint64, qint64>> m_waitCache;
    QString m_accountId;
    QString m_openRoom;
    QString m_tagFilter;
    QVector<RoomSummary> m_rows;
    QHash<QString, QStringList> m_tags; // room id -> staff tags
    std::function<int(const QString &, const QString &)> m_alertCounter;
    std::function<int(const QString &, const QString &)> m_healthRating;
    QTimer m_refreshTimer;
    LatestRequest m_requests;
    bool m_reading = false;
    bool m_dirty = false;
};

} // namespace gd

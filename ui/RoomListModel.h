#pragma once
// The rooms of one account for the room list: topic, last message, time and
// unread count, most recently active first. Re-read from the store (async)
// when rooms or messages change, at most a few times per second, so a busy
// gateway does not turn into a query per message.

#include "model/Types.h"

#include <QAbstractListModel>
#include <QHash>
#include <QTimer>
#include <QVector>

#include <functional>

namespace gd {

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
    };

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

    // Where OpenAlertsRole comes from (the alert inbox's model); call
    // alertCountsChanged() when its answers change.
    void setAlertCounter(std::function<int(const QString &, const QString &)> counter);
    void alertCountsChanged();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    int rowOf(const QString &roomId) const;
    RoomSummary summaryAt(int row) const { return m_rows.at(row); }
    void refresh(); // re-reads now (the timer calls this)

    static QString previewText(const RoomSummary &summary);
    static QString timeText(qint64 ms);

signals:
    void refreshed();

private:
    void scheduleRefresh();
    void apply(const QVector<RoomSummary> &rows);

    Store *m_store;
    QString m_accountId;
    QString m_openRoom;
    QString m_tagFilter;
    QVector<RoomSummary> m_rows;
    QHash<QString, QStringList> m_tags; // room id -> staff tags
    std::function<int(const QString &, const QString &)> m_alertCounter;
    QTimer m_refreshTimer;
    quint64 m_generation = 0;
    bool m_reading = false;
    bool m_dirty = false;
};

} // namespace gd

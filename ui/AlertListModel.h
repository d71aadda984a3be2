#pragma once
// The alert inbox's rows: live, the alerts not resolved (most severe first,
// then longest waiting), fed by the monitor's signals; or, while staff search,
// the search's answer (resolved alerts included). Also answers "how many
// open alerts has this group" for the room list.

#include "monitor/Alert.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>
#include <QVector>

namespace gd {

class AlertMonitor;

class AlertListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        SeverityColumn,
        KindColumn,
        GroupColumn,
        CustomerColumn,
        ExcerptColumn,
        AgeColumn,
        StateColumn,
        ColumnCount
    };
    enum Role { AlertIdRole = Qt::UserRole + 1, AlertRole };

    explicit AlertListModel(AlertMonitor *monitor, QObject *parent = nullptr);

    // Live (the monitor's active alerts) or a fixed list (search results).
    void showLive();
    void showResults(const QVector<Alert> &alerts);
    bool isLive() const { return m_live; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    Alert alertAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 alertId) const;
    // Open (not resolved) alerts of a conversation, live whatever is shown.
    int activeCount(const QString &accountId, const QString &roomId) const;
    int activeTotal() const { return int(m_active.size()); }

signals:
    void countsChanged(); // activeCount() answers differently

private:
    void onLoaded(const QVector<Alert> &alerts);
    void onAlert(const Alert &alert);
    void resetRows(QVector<Alert> rows);
    static bool before(const Alert &a, const Alert &b);

    AlertMonitor *m_monitor;
    bool m_live = true;
    QVector<Alert> m_rows;
    QHash<qint64, Alert> m_active;
    QTimer m_ageTimer;
};

} // namespace gd

#include "AlertListModel.h"

#include "Theme.h"

#include "monitor/AlertText.h"
#include "monitor/AlertMonitor.h"

#include <QBrush>
#include <QDateTime>

namespace gd {

AlertListModel::AlertListModel(AlertMonitor *monitor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_monitor(monitor)
{
    if (m_monitor) {
        connect(m_monitor, &AlertMonitor::alertsLoaded, this, &AlertListModel::onLoaded);
        connect(m_monitor, &AlertMonitor::alertRaised, this, &AlertListModel::onAlert);
        connect(m_monitor, &AlertMonitor::alertChanged, this, &AlertListModel::onAlert);
        onLoaded(m_monitor->activeAlerts());
    }
    // Ages in words ("5 min") move on by themselves.
    m_ageTimer.setInterval(30 * 1000);
    connect(&m_ageTimer, &QTimer::timeout, this, [this] {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, AgeColumn), index(int(m_rows.size()) - 1, AgeColumn));
    });
    m_ageTimer.start();
}

bool AlertListModel::before(const Alert &a, const Alert &b)
{
    if (a.severity != b.severity)
        return int(a.severity) > int(b.severity);
    if (a.createdMs != b.createdMs)
        return a.createdMs < b.createdMs;
    return a.id < b.id;
}

void AlertListModel::showLive()
{
    m_live = true;
    QVector<Alert> rows;
    for (const Alert &a : std::as_const(m_active))
        rows.append(a);
    std::sort(rows.begin(), rows.end(), before);
    resetRows(rows);
}

void AlertListModel::showResults(const QVector<Alert> &alerts)
{
    m_live = false;
    resetRows(alerts);
}

void AlertListModel::resetRows(QVector<Alert> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void AlertListModel::onLoaded(const QVector<Alert> &alerts)
{
    m_active.clear();
    for (const Alert &a : alerts)
        m_active.insert(a.id, a);
    if (m_live)
        showLive();
    emit countsChanged();
}

void AlertListModel::onAlert(const Alert &alert)
{
    if (alert.isActive())
        m_active.insert(alert.id, alert);
    else
        m_active.remove(alert.id);
    emit countsChanged();
    const int row = rowOf(alert.id);
    if (row >= 0) {
        if (m_live && !alert.isActive()) {
            beginRemoveRows({}, row, row);
            m_rows.remove(row);
            endRemoveRows();
            return;
        }
        m_rows[row] = alert;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    if (!m_live || !alert.isActive())
        return;
    const auto pos = std::lower_bound(m_rows.begin(), m_rows.end(), alert, before);
    const int at = int(pos - m_rows.begin());
    beginInsertRows({}, at, at);
    m_rows.insert(at, alert);
    endInsertRows();
}

int AlertListModel::rowOf(qint64 alertId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == alertId)
            return i;
    }
    return -1;
}

int AlertListModel::activeCount(const QString &accountId, const QString &roomId) const
{
    int n = 0;
    for (const Alert &a : m_active) {
        if (a.roomId == roomId && a.accountId == accountId && a.state != AlertState::Snoozed)
            ++n;
    }
    return n;
}

int AlertListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Alert &a = m_rows.at(index.row());
    if (role == AlertIdRole)
        return a.id;
    if (role == AlertRole)
        return QVariant::fromValue(a);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case SeverityColumn:
            return AlertText::severityText(a.severity);
        case KindColumn:
            return AlertText::kindText(a.kind);
        case GroupColumn:
            return a.roomName.isEmpty() ? a.roomId : a.roomName;
        case CustomerColumn:
            return a.customerName;
        case ExcerptColumn:
            if (a.kind == AlertKind::BotOffline || a.kind == AlertKind::BotBack)
                return AlertText::summary(a);
            return a.excerpt;
        case AgeColumn:
            return AlertText::ageText(a.createdMs, QDateTime::currentMSecsSinceEpoch());
        case StateColumn:
            return AlertText::stateText(a);
        }
    }
    if (role == Qt::ForegroundRole && index.column() == SeverityColumn)
        return QBrush(AlertText::severityColor(a.severity));
    if (role == Qt::ForegroundRole && !a.isActive())
        return QBrush(Theme::textSecondary());
    return {};
}

QVariant AlertListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case KindColumn:
        return tr("Why");
    case GroupColumn:
        return tr("Group");
    case CustomerColumn:
        return tr("Customer");
    case ExcerptColumn:
        return tr("Message");
    case AgeColumn:
        return tr("Age");
    case StateColumn:
        return tr("State");
    }
    return {};
}

} // namespace gd

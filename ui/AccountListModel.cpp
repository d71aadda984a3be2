#include "AccountListModel.h"

#include "AccountStateText.h"
#include "PlainText.h"

namespace gd {

AccountListModel::AccountListModel(Engine *engine, QObject *parent)
    : QAbstractListModel(parent)
    , m_engine(engine)
{
    for (const QString &id : m_engine->accountIds())
        m_rows.append(m_engine->status(id));
    connect(m_engine, &Engine::accountStatusChanged, this, &AccountListModel::onStatusChanged);
    connect(m_engine, &Engine::accountRemoved, this, &AccountListModel::onRemoved);
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AccountStatus &s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return s.info.displayName.isEmpty() ? s.info.id : s.info.displayName;
    case Qt::ToolTipRole:
        // The state text can carry the gateway's own error words.
        return PlainText::toolTip(
            tr("%1 (%2)").arg(s.info.endpoint, AccountStateText::stateText(s)));
    case AccountIdRole:
        return s.info.id;
    case StateRole:
        return int(s.state);
    case StateTextRole:
        return AccountStateText::stateText(s);
    case StateColorRole:
        return AccountStateText::stateColor(s);
    default:
        return {};
    }
}

int AccountListModel::rowOf(const QString &accountId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).info.id == accountId)
            return i;
    }
    return -1;
}

void AccountListModel::onStatusChanged(const QString &accountId)
{
    const AccountStatus status = m_engine->status(accountId);
    const int row = rowOf(accountId);
    if (row < 0) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_rows.append(status);
        endInsertRows();
        return;
    }
    m_rows[row] = status;
    emit dataChanged(index(row), index(row));
}

void AccountListModel::onRemoved(const QString &accountId)
{
    const int row = rowOf(accountId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

} // namespace gd

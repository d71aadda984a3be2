#pragma once
// The accounts the engine runs, with their live state, for the sidebar list.

#include "engine/Engine.h"

#include <QAbstractListModel>
#include <QVector>

namespace gd {

class AccountListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        AccountIdRole = Qt::UserRole + 1,
        StateRole, // int(SessionState)
        StateTextRole, // in words
        StateColorRole, // QColor of the dot
    };

    explicit AccountListModel(Engine *engine, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    int rowOf(const QString &accountId) const;
    AccountStatus statusAt(int row) const { return m_rows.at(row); }
    const QVector<AccountStatus> &statuses() const { return m_rows; }

private:
    void onStatusChanged(const QString &accountId);
    void onRemoved(const QString &accountId);

    Engine *m_engine;
    QVector<AccountStatus> m_rows;
};

} // namespace gd

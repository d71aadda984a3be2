#pragma once
// The messages waiting to go out later (send-later from the composer, and
// any other row of the outbox with a due time ahead): when, where, what.
// Each can be edited (time, text) or cancelled until it goes; the list
// follows the outbox as rows are sent or change.

#include "model/Types.h"

#include <QDialog>
#include <QHash>
#include <QTimer>
#include <QVector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace gd {

class Engine;
class Store;

class ScheduledSendsDialog : public QDialog
{
    Q_OBJECT
public:
    // The origin of rows queued with "Later…".
    static inline const QString kOrigin = QStringLiteral("send-later");

    ScheduledSendsDialog(Store *store, Engine *engine, const QString &accountId,
                         const QHash<QString, QString> &conversationNames,
                         QWidget *parent = nullptr);

    void reload();
    static QString originText(const QString &origin);
    QTableWidget *table() const { return m_table; }
    QVector<OutboxEntry> entries() const { return m_entries; }
    void cancelRow(int row);
    void editRow(int row);

signals:
    void reloaded();

private:
    Store *m_store;
    Engine *m_engine;
    QString m_accountId;
    QHash<QString, QString> m_names;
    QVector<OutboxEntry> m_entries;
    QTableWidget *m_table;
    QLabel *m_empty;
    QPushButton *m_edit;
    QPushButton *m_cancel;
    QTimer m_reloadTimer;
};

} // namespace gd

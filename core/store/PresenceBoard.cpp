#include "store/PresenceBoard.h"

#include "store/SqlDialect.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QPointer>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <memory>

namespace gd {

PresenceBoard::PresenceBoard(Store *store, const QString &agent, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_agent(agent)
    , m_alive(std::make_shared<Alive>())
{
    m_alive->board = this;
    m_heartbeat.setInterval(kHeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] { write(1); });
    m_idle.setSingleShot(true);
    m_idle.setInterval(kIdleMs);
    connect(&m_idle, &QTimer::timeout, this, &PresenceBoard::stopped);

    // Other programs' presence rows (a shared archive).
    ChangeSource others;
    others.kind = QStringLiteral("presence");
    others.table = QStringLiteral("presence");
    others.number = QStringLiteral("change_seq");
    others.origin = QStringLiteral("change_origin");
    others.columns = QStringLiteral("account_id, conversation_id");
    others.columnCount = 2;
    auto taken = std::make_shared<QVector<QPair<QString, QString>>>();
    others.take = [taken](const QSqlQuery &row) {
        taken->append({row.value(0).toString(), row.value(1).toString()});
    };
    // Delivered on the listener's thread, which may outlive this board.
    auto alive = m_alive;
    others.deliver = [alive, taken] {
        const auto where = std::exchange(*taken, {});
        QMutexLocker lock(&alive->mutex);
        if (!alive->board)
            return;
        PresenceBoard *board = alive->board;
        QMetaObject::invokeMethod(
            board,
            [board, where] {
                for (const auto &[account, conversation] : where)
                    emit board->changed(account, conversation);
            },
            Qt::QueuedConnection);
    };
    m_store->watchChanges(others);
}

PresenceBoard::~PresenceBoard()
{
    {
        QMutexLocker lock(&m_alive->mutex);
        m_alive->board = nullptr;
    }
    stopped();
}

QString PresenceBoard::agentFromSettings()
{
    QSettings settings;
    for (const char *key : {"team/agentName", "monitor/deskUser"}) {
        QString name = settings.value(QLatin1String(key)).toString().trimmed();
        if (!name.isEmpty())
            return name;
    }
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user;
}

void PresenceBoard::typing(const QString &accountId, const QString &conversationId)
{
    if (m_agent.isEmpty() || conversationId.isEmpty())
        return;
    if (accountId != m_accountId || conversationId != m_conversationId) {
        stopped();
        m_accountId = accountId;
        m_conversationId = conversationId;
        m_lastWriteMs = 0;
    }
    m_idle.start();
    if (!m_heartbeat.isActive())
        m_heartbeat.start();
    if (QDateTime::currentMSecsSinceEpoch() - m_lastWriteMs >= kHeartbeatMs)
        write(1);
}

void PresenceBoard::stopped()
{
    if (m_conversationId.isEmpty())
        return;
    m_heartbeat.stop();
    m_idle.stop();
    write(0); // kept as a row, so the change is announced like any other
    m_accountId.clear();
    m_conversationId.clear();
}

void PresenceBoard::write(int activity)
{
    m_lastWriteMs = QDateTime::currentMSecsSinceEpoch();
    const QString accountId = m_accountId, conversationId = m_conversationId, agent = m_agent;
    QPointer<PresenceBoard> guard(this);
    m_store->submitWrite(
        [guard, accountId, conversationId, agent, activity](StoreWriter::Batch &b) {
            // The server's clock on a shared archive: consoles' clocks differ.
            QSqlQuery &q = b.prepared(
                QStringLiteral("INSERT INTO presence (account_id, conversation_id, agent, activity,"
                               " seen_ms) VALUES (?, ?, ?, ?, %1)"
                               " ON CONFLICT (account_id, conversation_id, agent) DO UPDATE SET"
                               " activity = excluded.activity, seen_ms = excluded.seen_ms")
                    .arg(SqlDialect::of(b.db()).nowMs()));
            q.bindValue(0, accountId);
            q.bindValue(1, conversationId);
            q.bindValue(2, agent);
            q.bindValue(3, activity);
            if (!q.exec()) {
                b.fail(QStringLiteral("write presence"), q);
                return;
            }
            b.afterCommit([guard, accountId, conversationId] {
                QMetaObject::invokeMethod(
                    guard.data(),
                    [guard, accountId, conversationId] {
                        if (guard)
                            emit guard->changed(accountId, conversationId);
                    },
                    Qt::QueuedConnection);
            });
        });
}

void PresenceBoard::othersTyping(const QString &accountId, const QString &conversationId,
                                 QObject *context, std::function<void(QStringList)> done) const
{
    const QString agent = m_agent;
    m_store->read<QStringList>(
        context,
        [accountId, conversationId, agent](StoreReader &reader) {
            QStringList names;
            QSqlDatabase db = reader.database();
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT agent FROM presence WHERE account_id = ?"
                                     " AND conversation_id = ? AND activity = 1 AND agent <> ?"
                                     " AND seen_ms > %1 - %2 ORDER BY agent")
                          .arg(SqlDialect::of(db).nowMs())
                          .arg(kFreshMs));
            q.addBindValue(accountId);
            q.addBindValue(conversationId);
            q.addBindValue(agent);
            if (q.exec()) {
                while (q.next())
                    names << q.value(0).toString();
            }
            return names;
        },
        std::move(done));
}

} // namespace gd

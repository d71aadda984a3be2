#include "store/AccountRepository.h"

#include "store/SqlDialect.h"
#include "store/SqlQueries.h"

#include <QSqlQuery>
#include <QVariant>

namespace gd {
namespace {

// Null QStrings bind as SQL NULL; the schema wants ''.
constexpr auto str = &SqlQueries::text;

} // namespace

QString AccountRepository::columns()
{
    return QStringLiteral("id, display_name, endpoint, tls, server_name, ca_file, demo,"
                          " self_contact_id, self_name");
}

AccountInfo AccountRepository::fromRow(const QSqlQuery &q)
{
    AccountInfo a;
    a.id = q.value(0).toString();
    a.displayName = q.value(1).toString();
    a.endpoint = q.value(2).toString();
    a.tls = q.value(3).toInt() != 0;
    a.serverName = q.value(4).toString();
    a.caFile = q.value(5).toString();
    a.demo = q.value(6).toInt() != 0;
    a.selfContactId = q.value(7).toString();
    a.selfName = q.value(8).toString();
    return a;
}

void AccountRepository::bind(QSqlQuery &q, const AccountInfo &a)
{
    q.bindValue(0, str(a.id));
    q.bindValue(1, str(a.displayName));
    q.bindValue(2, str(a.endpoint));
    q.bindValue(3, int(a.tls));
    q.bindValue(4, str(a.serverName));
    q.bindValue(5, str(a.caFile));
    q.bindValue(6, int(a.demo));
    q.bindValue(7, str(a.selfContactId));
    q.bindValue(8, str(a.selfName));
}

bool AccountRepository::upsert(StoreWriter::Batch &b, const AccountInfo &account)
{
    static const QString sql
        = QStringLiteral("INSERT INTO accounts (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                         " ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name,"
                         " endpoint = excluded.endpoint, tls = excluded.tls,"
                         " server_name = excluded.server_name, ca_file = excluded.ca_file,"
                         " demo = excluded.demo, self_contact_id = excluded.self_contact_id,"
                         " self_name = excluded.self_name")
              .arg(columns());
    QSqlQuery &q = b.prepared(sql);
    bind(q, account);
    if (!q.exec()) {
        b.fail(QStringLiteral("upsert account"), q);
        return false;
    }
    return true;
}

bool AccountRepository::remove(StoreWriter::Batch &b, const QString &accountId)
{
    const QStringList statements = {
        QStringLiteral("DELETE FROM outbox WHERE account_id = ? AND state <> %1")
            .arg(int(OutboxState::Sent)),
        QStringLiteral("DELETE FROM room_members WHERE account_id = ?"),
        QStringLiteral("DELETE FROM message_journal WHERE account_id = ?"),
        QStringLiteral("DELETE FROM accounts WHERE id = ?"),
    };
    for (const QString &sql : statements) {
        QSqlQuery &q = b.prepared(sql);
        q.bindValue(0, accountId);
        if (!q.exec()) {
            b.fail(QStringLiteral("remove account"), q);
            return false;
        }
    }
    return true;
}

QVector<AccountInfo> AccountRepository::all(const QSqlDatabase &db)
{
    QVector<AccountInfo> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!SqlQueries::run(q,
                         QStringLiteral("SELECT %1 FROM accounts ORDER BY %2")
                             .arg(columns(), SqlDialect::of(db).insertionOrder()),
                         {}))
        return out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

QStringList AccountRepository::removedIds(const QSqlDatabase &db)
{
    return SqlQueries::strings(db,
                               QStringLiteral("SELECT DISTINCT account_id FROM conversations"
                                              " WHERE account_id NOT IN (SELECT id FROM accounts)"
                                              " ORDER BY account_id"),
                               {});
}

} // namespace gd

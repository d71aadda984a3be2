#include "PgBulkLoader.h"

#include "PgTestServer.h"
#include "store/PgBigramIndex.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

namespace gd::test {
namespace {

// A PostgreSQL array literal of texts: every element quoted.
QString textArray(const QStringList &values)
{
    QString out = QStringLiteral("{");
    for (qsizetype i = 0; i < values.size(); ++i) {
        QString v = values.at(i);
        v.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        v.replace(QLatin1Char('"'), QLatin1String("\\\""));
        if (i > 0)
            out += QLatin1Char(',');
        out += QLatin1Char('"') + v + QLatin1Char('"');
    }
    return out + QLatin1Char('}');
}

QString numberArray(const QVector<qint64> &values)
{
    QStringList parts;
    parts.reserve(values.size());
    for (qint64 v : values)
        parts.append(QString::number(v));
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

bool run(QSqlQuery &q, const QString &sql, const QStringList &binds, QString *error)
{
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return false;
    }
    for (qsizetype i = 0; i < binds.size(); ++i)
        q.bindValue(int(i), binds.at(i));
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool appendChunk(QSqlDatabase &db, Message *first, qsizetype count, qint64 firstId, QString *error)
{
    QVector<qint64> ids, kinds, times, fromSelf, outboxIds;
    QStringList accounts, msgIds, conversations, rooms, talkers, talkerNames, listeners, texts,
        filenames, mentions, duplicates, events;
    QVector<qint64> indexedIds;
    QStringList indexedTokens;
    const SearchIndex &index = SearchIndex::postgresBigrams();
    for (qsizetype i = 0; i < count; ++i) {
        Message &m = first[i];
        m.rowId = firstId + i;
        ids << m.rowId;
        accounts << m.accountId;
        msgIds << m.id;
        conversations << m.conversationId();
        rooms << m.roomId;
        talkers << m.talkerId;
        talkerNames << m.talkerName;
        listeners << m.listenerId;
        kinds << int(m.kind);
        texts << m.text;
        filenames << m.filename;
        times << m.timestampMs;
        fromSelf << int(m.fromSelf);
        mentions << m.mentionIds.join(QLatin1Char(' '));
        outboxIds << m.outboxId;
        duplicates << m.duplicateOf;
        events << m.systemEvent;
        if (!m.text.isEmpty() && m.duplicateOf.isEmpty()) {
            indexedIds << m.rowId;
            indexedTokens << index.indexedText(m.text);
        }
    }
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    const bool ok
        = run(q,
              QStringLiteral(
                  "INSERT INTO messages (id, account_id, msg_id, conversation_id, room_id,"
                  " talker_id, talker_name, listener_id, kind, text, filename, ts_ms, from_self,"
                  " mention_ids, outbox_id, duplicate_of, system_event)"
                  " SELECT * FROM unnest(CAST(? AS BIGINT[]), CAST(? AS TEXT[]),"
                  " CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]),"
                  " CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS INTEGER[]),"
                  " CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[]),"
                  " CAST(? AS INTEGER[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[]),"
                  " CAST(? AS TEXT[]), CAST(? AS TEXT[]))"),
              {numberArray(ids), textArray(accounts), textArray(msgIds), textArray(conversations),
               textArray(rooms), textArray(talkers), textArray(talkerNames), textArray(listeners),
               numberArray(kinds), textArray(texts), textArray(filenames), numberArray(times),
               numberArray(fromSelf), textArray(mentions), numberArray(outboxIds),
               textArray(duplicates), textArray(events)},
              error)
        && run(q,
               PgBigramIndex::addFromStatement(QStringLiteral(
                   "unnest(CAST(? AS BIGINT[]), CAST(? AS TEXT[])) AS s (id, tokens)")),
               {numberArray(indexedIds), textArray(indexedTokens)}, error);
    if (!ok || !db.commit()) {
        if (error->isEmpty())
            *error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

} // namespace

bool PgBulkLoader::append(const PgTestServer &server, const QString &database,
                          QVector<Message> *messages, QString *error)
{
    static int connections = 0;
    const QString connection = QStringLiteral("gd-pg-bulk-%1").arg(++connections);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(server.socketDir());
        db.setPort(server.port());
        db.setUserName(server.user());
        db.setDatabaseName(database);
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            ok = q.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM messages")) && q.next();
            qint64 next = ok ? q.value(0).toLongLong() + 1 : 0;
            if (!ok)
                *error = q.lastError().text();
            for (qsizetype from = 0; ok && from < messages->size(); from += kChunk) {
                const qsizetype count = std::min<qsizetype>(kChunk, messages->size() - from);
                ok = appendChunk(db, messages->data() + from, count, next, error);
                next += count;
            }
            // The writer's next row comes after ours.
            if (ok
                && !(ok = q.exec(
                         QStringLiteral("SELECT setval(pg_get_serial_sequence('messages', 'id'),"
                                        " (SELECT MAX(id) FROM messages))"))))
                *error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace gd::test

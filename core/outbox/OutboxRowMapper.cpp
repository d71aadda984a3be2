#include "outbox/OutboxRowMapper.h"

#include <QSqlQuery>
#include <QVariant>

namespace gd {

QString OutboxRowMapper::columns()
{
    return QStringLiteral("id, account_id, conversation_id, text, state, error, message_id,"
                          " created_ms, updated_ms, attempts, kind, file_path, file_name,"
                          " file_size, mime, mention_ids, due_ms, campaign_id, origin,"
                          " idempotency_key");
}

OutboxEntry OutboxRowMapper::fromQuery(const QSqlQuery &q)
{
    OutboxEntry e;
    e.id = q.value(0).toLongLong();
    e.accountId = q.value(1).toString();
    e.conversationId = q.value(2).toString();
    e.text = q.value(3).toString();
    e.state = OutboxState(q.value(4).toInt());
    e.error = q.value(5).toString();
    e.messageId = q.value(6).toString();
    e.createdMs = q.value(7).toLongLong();
    e.updatedMs = q.value(8).toLongLong();
    e.attempts = q.value(9).toInt();
    e.kind = OutboxKind(q.value(10).toInt());
    e.filePath = q.value(11).toString();
    e.fileName = q.value(12).toString();
    e.fileSize = q.value(13).toLongLong();
    e.mime = q.value(14).toString();
    e.mentionIds = q.value(15).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    e.dueMs = q.value(16).toLongLong();
    e.campaignId = q.value(17).toLongLong();
    e.origin = q.value(18).toString();
    e.idempotencyKey = q.value(19).toString();
    return e;
}

} // namespace gd

#pragma once
// One send as every producer asks for it: the composer (through Engine), the
// HTTP API, the push scheduler, broadcasts, auto-replies and send-later all
// submit this same type (OutboxRepository::submit, Engine::submit).

#include <QString>
#include <QStringList>

namespace gd {

struct SendRequest
{
    QString accountId; // the bot account that sends
    QString conversationId; // a room id (contains '@') or a contact id
    // What to send: a text, a file, or both (then the file goes first, the
    // text right after it, as two outbox rows of one request).
    QString text;
    QStringList mentionIds; // members the text @-mentions (contact ids)
    QString filePath; // copied into the outbox at once; the original may go
    QString fileName; // the name to send under; empty: the file's own name
    qint64 dueMs = 0; // not before this time (ms since epoch); 0: now
    qint64 campaignId = 0; // the broadcast it belongs to (OutboxRepository::createCampaign)
    QString origin = QStringLiteral("composer"); // "composer", "api", "push", "auto-reply", ...
    // Set by producers that may ask twice (an API client retrying, a push
    // run after a restart): a second request with the same origin and key
    // queues nothing and answers with the first one's id.
    QString idempotencyKey;
};

} // namespace gd

// AccountSession: sending the outbox's file entries. They come out of the
// same queue and pacer as text (pumpOutbox picks the entry and marks it
// Sending); this part checks the outbox's copy of the file again, sends it
// inline as a base64 FileBox when small, otherwise streams it with Upload
// first (progress goes out as uploadProgress) and sends the uuid FileBox.

#include "engine/AccountSession.h"

#include "gateway/FileBox.h"
#include "gateway/PuppetClient.h"
#include "store/Store.h"
#include "util/FileCheck.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>

namespace gd {
namespace {

// Up to this size a file goes inline in MessageSendFile; larger ones go
// through Upload (gRPC's 4 MiB message limit, and base64 grows by a third).
constexpr qint64 kInlineFileBytes = 256 * 1024;

qint64 nowMsFiles()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

void AccountSession::sendFileEntry(const OutboxEntry &entry)
{
    // Checked again: the copy may have gone (disk cleaned) or been damaged
    // since it was queued, possibly in an earlier run.
    FileCheckResult check = FileCheck::checkFile(entry.filePath);
    if (check.ok && entry.fileSize > 0 && check.size != entry.fileSize) {
        check.ok = false;
        check.error = QCoreApplication::translate(
            "AccountSession", "The file changed after it was queued; add it again to send it.");
    }
    if (!check.ok) {
        if (m_sendingId == entry.id)
            m_sendingId = 0;
        ++m_counters.sendsFailed;
        log(QStringLiteral("file send %1 refused before sending: %2")
                .arg(entry.id)
                .arg(check.error));
        if (m_store)
            m_store->updateOutbox(entry.id, OutboxState::Failed, check.error);
        pumpOutbox();
        return;
    }

    const QString name = entry.fileName.isEmpty() ? check.name : entry.fileName;
    auto answered = [this, entry](const GatewayStatus &st, const QString &messageId) {
        fileSendAnswered(entry, st, messageId);
    };
    if (check.size <= kInlineFileBytes) {
        m_client->messageSendFile(entry.conversationId, FileBox::inlineJson(check.bytes, name),
                                  answered);
        return;
    }
    const qint64 id = entry.id;
    const qint64 total = check.size;
    emit uploadProgress(id, 0, total);
    m_client->upload(
        check.bytes, [this, id](qint64 done, qint64 all) { emit uploadProgress(id, done, all); },
        [this, entry, name, total, answered](const GatewayStatus &st, const QString &uuid) {
            if (!st.ok() || uuid.isEmpty()) {
                GatewayStatus failed = st;
                if (failed.ok()) {
                    failed.code = 13; // INTERNAL: an upload without a uuid is unusable
                    failed.message = QStringLiteral("upload returned no uuid");
                }
                log(QStringLiteral("Upload failed: code %1: %2")
                        .arg(failed.code)
                        .arg(failed.message.left(300)));
                fileSendAnswered(entry, failed, {});
                return;
            }
            m_client->messageSendFile(entry.conversationId, FileBox::uuidJson(uuid, name, total),
                                      answered);
        });
}

void AccountSession::fileSendAnswered(const OutboxEntry &entry, const GatewayStatus &st,
                                      const QString &messageId)
{
    if (m_sendingId == entry.id)
        m_sendingId = 0;
    if (st.ok()) {
        ++m_counters.sendsOk;
        // The echo of a file message carries the file name, not a text: the
        // matcher pairs them by name.
        QString storedId = messageId;
        if (messageId.isEmpty())
            storedId = m_echoes.sendAnsweredWithoutId(entry.id, entry.conversationId,
                                                      entry.fileName, nowMsFiles());
        else
            m_echoes.forgetMessage(messageId);
        if (m_store)
            m_store->updateOutbox(entry.id, OutboxState::Sent, {}, storedId);
        if (!storedId.isEmpty() && m_store) {
            // The echo carries the same id: the store keeps one row.
            Message m;
            m.accountId = m_account.id;
            m.id = storedId;
            m.talkerId = m_account.selfContactId;
            m.talkerName = m_account.selfName.isEmpty()
                ? m_names.resolve({}, m_account.selfContactId)
                : m_account.selfName;
            m.fromSelf = true;
            m.outboxId = entry.id;
            m.kind = entry.kind == OutboxKind::Image ? MessageKind::Image : MessageKind::Attachment;
            m.filename = entry.fileName;
            m.timestampMs = nowMsFiles();
            if (entry.conversationId.contains(QLatin1Char('@')))
                m.roomId = entry.conversationId;
            else
                m.listenerId = entry.conversationId;
            m_store->insertMessages({m});
        }
    } else {
        ++m_counters.sendsFailed;
        log(QStringLiteral("MessageSendFile failed: code %1: %2")
                .arg(st.code)
                .arg(st.message.left(300)));
        if (m_store)
            m_store->updateOutbox(entry.id, OutboxState::Failed, st.userMessage());
    }
    pumpOutbox();
}

} // namespace gd

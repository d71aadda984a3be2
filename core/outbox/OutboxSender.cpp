#include "outbox/OutboxSender.h"

#include "gateway/FileBox.h"
#include "gateway/PuppetClient.h"
#include "outbox/OutboxRepository.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "util/FileCheck.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace gd {
namespace {

// Up to this size a file goes inline in MessageSendFile; larger ones go
// through Upload (gRPC's 4 MiB message limit, and base64 grows by a third).
constexpr qint64 kInlineFileBytes = 256 * 1024;
// Far-away due times are looked at again after this long (QTimer takes int).
constexpr qint64 kLongestWaitMs = 3600 * 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool isRoomId(const QString &id)
{
    return id.contains(QLatin1Char('@'));
}

} // namespace

OutboxSender::OutboxSender(const QString &accountId, Store *store, PuppetClient *client,
                           SessionView session, const SendPacer &pacer, QObject *parent)
    : QObject(parent)
    , m_accountId(accountId)
    , m_store(store)
    , m_repo(store ? OutboxRepository::of(store) : nullptr)
    , m_client(client)
    , m_session(std::move(session))
    , m_pacer(pacer)
    , m_timer(this)
    , m_poll(this)
{
    qRegisterMetaType<gd::OutboxEntry>();
    qRegisterMetaType<gd::Campaign>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OutboxSender::pump);
    m_poll.setInterval(kSharedPollMs);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (m_session.canSend())
            load();
    });
    if (m_repo) {
        connect(m_repo, &OutboxRepository::entryChanged, this, &OutboxSender::onEntryChanged);
        connect(m_repo, &OutboxRepository::campaignChanged, this, &OutboxSender::onCampaignChanged);
        // Team mode: a console queued a send for this account. A fresh read
        // (not the row as announced) keeps one way in for every row.
        connect(m_repo, &OutboxRepository::changedElsewhere, this,
                [this](const OutboxEntry &entry) {
                    if (m_running && !m_leaseHolder.isEmpty() && entry.accountId == m_accountId
                        && entry.state == OutboxState::Queued && m_session.canSend())
                        load();
                });
    }
}

void OutboxSender::log(const QString &line)
{
    emit logLine(line);
}

void OutboxSender::setLeaseHolder(const QString &engineId)
{
    m_leaseHolder = engineId;
}

void OutboxSender::start()
{
    m_running = true;
    if (!m_leaseHolder.isEmpty())
        m_poll.start();
}

void OutboxSender::stop()
{
    m_running = false;
    m_timer.stop();
    m_poll.stop();
}

// --- the queue ------------------------------------------------------------------

void OutboxSender::enqueue(const OutboxEntry &entry)
{
    remove(entry.id);
    const Key key{entry.dueMs, entry.id};
    m_queue[key] = entry;
    m_keys.insert(entry.id, key);
}

void OutboxSender::remove(qint64 outboxId)
{
    const auto it = m_keys.constFind(outboxId);
    if (it == m_keys.constEnd())
        return;
    m_queue.erase(*it);
    m_keys.erase(it);
}

void OutboxSender::onEntryChanged(const OutboxEntry &entry)
{
    if (entry.accountId != m_accountId)
        return;
    if (entry.state != OutboxState::Queued) {
        remove(entry.id); // cancelled (or sent by someone else): never from here
        return;
    }
    // We never set Queued ourselves, except when releasing a claim: a Queued
    // entry we handled is a user retry.
    m_handled.remove(entry.id);
    if (entry.id == m_sendingId)
        return;
    enqueue(entry);
    pump();
}

void OutboxSender::onCampaignChanged(const Campaign &campaign)
{
    if (campaign.state == CampaignState::Active) {
        load(); // its rows may go out again
        return;
    }
    // Paused or cancelled: its rows stay out of the queue (a claim would be
    // refused anyway).
    QVector<qint64> held;
    for (const auto &[key, entry] : m_queue) {
        if (entry.campaignId == campaign.id)
            held.append(entry.id);
    }
    for (qint64 id : std::as_const(held))
        remove(id);
}

void OutboxSender::load()
{
    if (!m_store)
        return;
    if (m_loading) {
        m_loadAgain = true; // after the read on its way (it may predate a change)
        return;
    }
    m_loading = true;
    const QString accountId = m_accountId;
    m_store->read<QVector<OutboxEntry>>(
        this, std::function<QVector<OutboxEntry>(StoreReader &)>([accountId](StoreReader &reader) {
            return OutboxRepository::sendable(reader, accountId);
        }),
        std::function<void(QVector<OutboxEntry>)>([this](const QVector<OutboxEntry> &entries) {
            m_loading = false;
            if (m_loadAgain) {
                m_loadAgain = false;
                load();
            }
            for (const OutboxEntry &e : entries) {
                // The read may predate our own sends: skip what we already handled.
                if (e.id == m_sendingId || m_handled.contains(e.id))
                    continue;
                enqueue(e);
            }
            pump();
        }));
}

void OutboxSender::wakeIn(qint64 ms)
{
    ms = std::clamp<qint64>(ms, 0, kLongestWaitMs);
    if (!m_timer.isActive() || m_timer.remainingTime() > ms)
        m_timer.start(int(ms));
}

// --- sending --------------------------------------------------------------------

void OutboxSender::pump()
{
    if (!m_running || m_sendingId != 0 || m_queue.empty() || !m_repo || !m_session.canSend())
        return;
    const qint64 now = nowMs();
    const qint64 due = m_queue.begin()->first.first;
    if (due > now) {
        wakeIn(due - now); // a send-later row: nothing before it is due
        return;
    }
    const qint64 wait = m_pacer.delayMs(now);
    if (wait > 0) {
        wakeIn(wait);
        return;
    }
    if (!m_pacer.tryAcquire(now))
        return;

    const OutboxEntry entry = m_queue.begin()->second;
    remove(entry.id);
    m_sendingId = entry.id;
    m_withGateway = false;
    m_handled.insert(entry.id);
    const quint64 generation = m_generation;
    m_repo->claim(
        entry.id, this, [this, entry, generation](bool ok) { claimed(entry, generation, ok); },
        m_leaseHolder);
}

void OutboxSender::claimed(const OutboxEntry &entry, quint64 generation, bool ok)
{
    if (m_sendingId != entry.id)
        return;
    if (!ok) {
        // Cancelled, paused or sent elsewhere since it was read: not ours
        // now (a paused campaign's row comes back with the next load()).
        m_sendingId = 0;
        m_handled.remove(entry.id);
        qCDebug(lcEngine).noquote()
            << m_accountId << "outbox entry" << entry.id << "was not claimable any more";
        pump();
        return;
    }
    if (generation != m_generation || !m_running || !m_session.canSend()) {
        // The connection went while the claim was being written: the gateway
        // never saw it, so it waits for the next connection.
        m_repo->release(entry.id);
        m_sendingId = 0;
        m_handled.remove(entry.id);
        enqueue(entry);
        return;
    }
    m_withGateway = true;
    if (entry.kind == OutboxKind::Text)
        sendText(entry);
    else
        sendFile(entry);
}

void OutboxSender::connectionLost()
{
    ++m_generation;
    m_timer.stop();
    if (m_sendingId == 0 || !m_withGateway)
        return; // nothing, or a claim on its way (claimed() puts it back)
    // The gateway may or may not have sent it: never send it again by itself.
    if (m_repo)
        m_repo->update(m_sendingId, OutboxState::Unknown,
                       QCoreApplication::translate("AccountSession",
                                                   "The connection was lost while sending. Check "
                                                   "the chat before retrying."));
    m_sendingId = 0;
    m_withGateway = false;
}

void OutboxSender::sendText(const OutboxEntry &entry)
{
    m_client->messageSendText(entry.conversationId, entry.text, entry.mentionIds,
                              [this, entry](const GatewayStatus &st, const QString &messageId) {
                                  answered(entry, st, messageId, "MessageSendText");
                              });
}

void OutboxSender::sendFile(const OutboxEntry &entry)
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
        m_sendingId = 0;
        m_withGateway = false;
        ++m_counters.sendsFailed;
        log(QStringLiteral("file send %1 refused before sending: %2")
                .arg(entry.id)
                .arg(check.error));
        m_repo->update(entry.id, OutboxState::Failed, check.error);
        pump();
        return;
    }

    const QString name = entry.fileName.isEmpty() ? check.name : entry.fileName;
    auto done = [this, entry](const GatewayStatus &st, const QString &messageId) {
        answered(entry, st, messageId, "MessageSendFile");
    };
    if (check.size <= kInlineFileBytes) {
        m_client->messageSendFile(entry.conversationId, FileBox::inlineJson(check.bytes, name),
                                  done);
        return;
    }
    const qint64 id = entry.id;
    const qint64 total = check.size;
    emit uploadProgress(id, 0, total);
    m_client->upload(
        check.bytes, [this, id](qint64 sent, qint64 all) { emit uploadProgress(id, sent, all); },
        [this, entry, name, total, done](const GatewayStatus &st, const QString &uuid) {
            if (!st.ok() || uuid.isEmpty()) {
                GatewayStatus failed = st;
                if (failed.ok()) {
                    failed.code
                        = int(GatewayCode::Internal); // an upload without a uuid is unusable
                    failed.message = QStringLiteral("upload returned no uuid");
                }
                log(QStringLiteral("Upload failed: code %1: %2")
                        .arg(failed.code)
                        .arg(failed.message.left(300)));
                answered(entry, failed, {}, "MessageSendFile");
                return;
            }
            m_client->messageSendFile(entry.conversationId, FileBox::uuidJson(uuid, name, total),
                                      done);
        });
}

void OutboxSender::answered(const OutboxEntry &entry, const GatewayStatus &st,
                            const QString &messageId, const char *call)
{
    if (m_sendingId == entry.id) {
        m_sendingId = 0;
        m_withGateway = false;
    }
    if (st.ok()) {
        ++m_counters.sendsOk;
        // Gateways that answer without an id (the reference mock) are matched
        // to their echo by conversation and text (a file's echo: its name).
        QString storedId = messageId;
        if (messageId.isEmpty())
            storedId = m_echoes.sendAnsweredWithoutId(
                entry.id, entry.conversationId,
                entry.kind == OutboxKind::Text ? entry.text : entry.fileName, nowMs());
        else
            m_echoes.forgetMessage(messageId);
        if (!messageId.isEmpty()) {
            // Its echo carries this id: it is linked to the row when it comes.
            if (m_sentIds.size() >= 1024)
                m_sentIds.clear();
            m_sentIds.insert(messageId, entry.id);
        }
        m_repo->update(entry.id, OutboxState::Sent, {}, storedId);
        if (!storedId.isEmpty())
            recordSent(entry, storedId);
    } else {
        ++m_counters.sendsFailed;
        log(QStringLiteral("%1 failed: code %2: %3")
                .arg(QLatin1String(call))
                .arg(st.code)
                .arg(st.message.left(300)));
        m_repo->update(entry.id, OutboxState::Failed, st.userMessage());
    }
    pump();
}

void OutboxSender::recordSent(const OutboxEntry &entry, const QString &messageId)
{
    if (!m_store)
        return;
    // The echo (MESSAGE event) carries the same id: the store keeps one row.
    Message m;
    m.accountId = m_accountId;
    m.id = messageId;
    m.talkerId = m_session.selfContactId();
    m.talkerName = m_session.selfName();
    m.fromSelf = true;
    m.outboxId = entry.id;
    m.timestampMs = nowMs();
    if (entry.kind == OutboxKind::Text) {
        m.kind = MessageKind::Text;
        m.text = entry.text;
        m.mentionIds = entry.mentionIds;
    } else {
        m.kind = entry.kind == OutboxKind::Image ? MessageKind::Image : MessageKind::Attachment;
        m.filename = entry.fileName;
    }
    if (isRoomId(entry.conversationId))
        m.roomId = entry.conversationId;
    else
        m.listenerId = entry.conversationId;
    m_store->insertMessages({m});
}

qint64 OutboxSender::ownMessageArrived(const Message &message)
{
    if (const qint64 sent = m_sentIds.take(message.id))
        return sent; // the echo of a send the gateway named: already Sent
    // File sends are matched by file name (see answered()).
    const QString echoKey
        = message.text.isEmpty() && !message.filename.isEmpty() ? message.filename : message.text;
    const qint64 outboxId
        = m_echoes.ownMessageArrived(message.id, message.conversationId(), echoKey, nowMs());
    if (outboxId != 0 && m_repo)
        m_repo->update(outboxId, OutboxState::Sent, {}, message.id);
    return outboxId;
}

} // namespace gd

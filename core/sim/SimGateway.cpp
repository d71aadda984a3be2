#include "sim/SimGateway.h"

#include "sim/SimMedia.h"
#include "util/Log.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace gd::sim {

namespace {

constexpr int kTrafficTickMs = 20; // batches per second = 50, whatever the rate

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

SimGateway::SimGateway(const SimulatorOptions &options)
    : m_options(options)
    , m_world(SimWorld::generate(options.seed, options.rooms, options.membersPerRoom))
    , m_chatter(options.seed * 7919u + 17u)
{}

SimGateway::~SimGateway()
{
    stopClock();
}

void SimGateway::startClock()
{
    m_lastTick = Clock::now();
    m_clock.start();
    if (m_options.heartbeatS > 0)
        m_clock.post(m_options.heartbeatS * 1000, [this] { heartbeatTick(); });
    m_clock.post(kTrafficTickMs, [this] { trafficTick(); });
    if (m_options.burstMessages > 0)
        burst(m_options.burstMessages);
}

void SimGateway::quiesce()
{
    std::lock_guard lock(m_mutex);
    m_quiesced = true;
    ++m_flow;
}

void SimGateway::stopClock()
{
    m_clock.stop();
}

bool SimGateway::subscribe(const QString &token, const std::shared_ptr<SimEventSink> &sink)
{
    bool attached = false;
    {
        std::lock_guard lock(m_mutex);
        QVector<SimEvent> replay;
        SimEvent heartbeat;
        heartbeat.type = EventHeartbeat;
        heartbeat.payload = toJson({{QStringLiteral("data"), QStringLiteral("heartbeat")}});
        replay.append(heartbeat);
        if (m_loggedIn) {
            SimEvent login;
            login.type = EventLogin;
            login.payload = toJson({{QStringLiteral("contactId"), m_world.self().id}});
            SimEvent ready;
            ready.type = EventReady;
            ready.payload = toJson({{QStringLiteral("data"), QStringLiteral("ready")}});
            replay << login << ready;
        } else if (m_loginInProgress && !m_lastScan.isEmpty()) {
            SimEvent scan;
            scan.type = EventScan;
            scan.payload = toJson(m_lastScan);
            replay.append(scan);
        }
        attached = m_hub.attach(token, sink, replay);
        if (attached && !m_firstSubscribe) {
            m_firstSubscribe = Clock::now();
            qCInfo(lcSim) << "first subscriber; traffic window starts";
        }
    }
    m_hub.flush();
    return attached;
}

void SimGateway::unsubscribe(const SimEventSink *sink)
{
    m_hub.detach(sink);
}

void SimGateway::eventWritten(const SimEvent &event, bool ok)
{
    if (!ok)
        return;
    m_eventsWritten.fetch_add(1, std::memory_order_relaxed);
    if (event.type == EventMessage && event.messageSeq >= 0)
        m_messages.markDelivered(event.messageSeq);
}

void SimGateway::emitLocked(int type, const QJsonObject &payload)
{
    if (m_quiesced || m_stalled)
        return;
    SimEvent event;
    event.type = type;
    event.payload = toJson(payload);
    m_hub.broadcast(std::move(event));
}

// ---- login flow -------------------------------------------------------

QString SimGateway::newQrCodeLocked()
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    QString code = QStringLiteral("https://login.weixin.qq.com/l/");
    for (int i = 0; i < 12; ++i)
        code += QLatin1Char(alphabet[m_chatter.below(int(sizeof(alphabet)) - 1)]);
    return code + QStringLiteral("==%1").arg(++m_qrCounter);
}

void SimGateway::emitScanLocked(int status)
{
    m_lastScan
        = QJsonObject{{QStringLiteral("qrcode"), m_qrCode}, {QStringLiteral("status"), status}};
    emitLocked(EventScan, m_lastScan);
}

void SimGateway::beginLoginFlowLocked()
{
    const quint64 flow = ++m_flow;
    m_loginInProgress = true;
    if (m_options.autoLogin) {
        loginLocked();
        return;
    }
    m_qrRound = 1;
    m_qrCode = newQrCodeLocked();
    emitScanLocked(2);
    if (m_qrRound < m_options.qrRounds)
        m_clock.post(m_options.qrTimeoutMs, [this, flow] { qrTimedOut(flow); });
    else
        m_clock.post(m_options.scanDelayMs, [this, flow] { scanned(flow); });
}

void SimGateway::qrTimedOut(quint64 flow)
{
    {
        std::lock_guard lock(m_mutex);
        if (flow != m_flow || !m_loginInProgress)
            return;
        emitScanLocked(5);
        ++m_qrRound;
        m_qrCode = newQrCodeLocked();
        emitScanLocked(2);
        if (m_qrRound < m_options.qrRounds)
            m_clock.post(m_options.qrTimeoutMs, [this, flow] { qrTimedOut(flow); });
        else
            m_clock.post(m_options.scanDelayMs, [this, flow] { scanned(flow); });
    }
    m_hub.flush();
}

void SimGateway::scanned(quint64 flow)
{
    {
        std::lock_guard lock(m_mutex);
        if (flow != m_flow || !m_loginInProgress)
            return;
        emitScanLocked(3);
        m_clock.post(m_options.confirmDelayMs, [this, flow] { confirmed(flow); });
    }
    m_hub.flush();
}

void SimGateway::confirmed(quint64 flow)
{
    {
        std::lock_guard lock(m_mutex);
        if (flow != m_flow || !m_loginInProgress)
            return;
        emitScanLocked(4);
        loginLocked();
    }
    m_hub.flush();
}

void SimGateway::loginLocked()
{
    m_loginInProgress = false;
    m_lastScan = {};
    m_loggedIn = true;
    m_lastTick = Clock::now();
    m_due = 0;
    qCInfo(lcSim) << "bot logged in";
    emitLocked(EventLogin, {{QStringLiteral("contactId"), m_world.self().id}});
    emitLocked(EventReady, {{QStringLiteral("data"), QStringLiteral("ready")}});
    if (!m_everLoggedIn && m_options.faultLogoutAfterS > 0) {
        m_clock.post(m_options.faultLogoutAfterS * 1000,
                     [this] { logout(QStringLiteral("logged out on the phone (fault)")); });
    }
    if (!m_everLoggedIn && m_options.faultStallAfterS > 0) {
        m_clock.post(m_options.faultStallAfterS * 1000, [this] { setStalled(true); });
    }
    m_everLoggedIn = true;
}

void SimGateway::start()
{
    {
        std::lock_guard lock(m_mutex);
        m_started = true;
        if (m_loggedIn) {
            emitLocked(EventLogin, {{QStringLiteral("contactId"), m_world.self().id}});
            emitLocked(EventReady, {{QStringLiteral("data"), QStringLiteral("ready")}});
        } else if (m_loginInProgress) {
            if (!m_lastScan.isEmpty())
                emitLocked(EventScan, m_lastScan);
        } else {
            beginLoginFlowLocked();
        }
    }
    m_hub.flush();
}

void SimGateway::stop()
{
    std::lock_guard lock(m_mutex);
    m_started = false;
    m_loginInProgress = false;
    m_lastScan = {};
    ++m_flow;
}

void SimGateway::logout(const QString &reason)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_loggedIn) {
            m_loggedIn = false;
            qCInfo(lcSim) << "bot logged out:" << reason;
            emitLocked(EventLogout,
                       {{QStringLiteral("contactId"), m_world.self().id},
                        {QStringLiteral("data"), reason}});
        }
        // Still started: the gateway wants a new scan right away, as real ones do.
        if (m_started && !m_loginInProgress && !m_quiesced)
            beginLoginFlowLocked();
    }
    m_hub.flush();
}

void SimGateway::ding(const QString &data)
{
    // DONG comes later, never inside the Ding call.
    m_clock.post(5, [this, data] {
        {
            std::lock_guard lock(m_mutex);
            emitLocked(EventDong, {{QStringLiteral("data"), data}});
        }
        m_hub.flush();
    });
}

void SimGateway::dirty(int payloadType, const QString &id)
{
    {
        std::lock_guard lock(m_mutex);
        emitLocked(
            EventDirty,
            {{QStringLiteral("payloadId"), id}, {QStringLiteral("payloadType"), payloadType}});
    }
    m_hub.flush();
}

// ---- world ------------------------------------------------------------

QString SimGateway::selfId() const
{
    std::lock_guard lock(m_mutex);
    return m_world.self().id;
}

SimWorld SimGateway::world() const
{
    std::lock_guard lock(m_mutex);
    return m_world;
}

std::optional<SimContact> SimGateway::contact(const QString &id) const
{
    std::lock_guard lock(m_mutex);
    if (const SimContact *c = m_world.contact(id))
        return *c;
    return std::nullopt;
}

std::optional<SimRoom> SimGateway::room(const QString &id) const
{
    std::lock_guard lock(m_mutex);
    if (const SimRoom *r = m_world.room(id))
        return *r;
    return std::nullopt;
}

bool SimGateway::quitRoom(const QString &roomId, QString *error)
{
    std::lock_guard lock(m_mutex);
    const SimRoom *room = m_world.room(roomId);
    if (!room || !m_world.member(*room, m_world.self().id)) {
        *error = m_quitRooms.contains(roomId)
            ? QStringLiteral("the bot already left this room")
            : QStringLiteral("the bot is not a member of this room");
        return false;
    }
    m_world.removeRoom(roomId);
    m_quitRooms.append(roomId);
    return true;
}

QStringList SimGateway::quitRooms() const
{
    std::lock_guard lock(m_mutex);
    return m_quitRooms;
}

bool SimGateway::isLoggedIn() const
{
    std::lock_guard lock(m_mutex);
    return m_loggedIn;
}

// ---- messages -----------------------------------------------------------

bool SimGateway::sendText(const QString &conversationId, const QString &text,
                          const QStringList &mentionIds, std::function<void(const QString &)> done)
{
    {
        std::lock_guard lock(m_mutex);
        QString roomId;
        QString listenerId;
        if (m_world.room(conversationId))
            roomId = conversationId;
        else if (m_world.contact(conversationId))
            listenerId = conversationId;
        else
            return false;
        m_receivedTexts.append(text);
        m_receivedTextSends.append(
            {conversationId, text, mentionIds, QDateTime::currentMSecsSinceEpoch()});
        const SimMessage message = m_messages.append(m_world.self().id, roomId, listenerId, text,
                                                     true, 7, {}, {}, mentionIds);
        SimEvent event;
        event.type = EventMessage;
        event.payload = QByteArrayLiteral("{\"messageId\":\"") + message.id.toLatin1()
            + QByteArrayLiteral("\"}");
        event.messageSeq = message.seq;
        event.countable = false; // the bot's own send: never in messages_emitted
        const QString id = message.id;
        event.onWritten = [done = std::move(done), id](bool) { done(id); };
        if (m_quiesced)
            m_hub.defer([event] { event.onWritten(false); });
        else
            m_hub.broadcast(std::move(event));
    }
    m_hub.flush();
    return true;
}

bool SimGateway::sendFile(const QString &conversationId, const QString &name,
                          const QByteArray &bytes, bool viaUpload,
                          std::function<void(const QString &)> done)
{
    {
        std::lock_guard lock(m_mutex);
        QString roomId;
        QString listenerId;
        if (m_world.room(conversationId))
            roomId = conversationId;
        else if (m_world.contact(conversationId))
            listenerId = conversationId;
        else
            return false;
        const bool image = SimMedia::looksLikeImage(bytes);
        const QString uuid = m_files.put(bytes);
        const SimMessage message = m_messages.append(m_world.self().id, roomId, listenerId,
                                                     QString(), true, image ? 6 : 1, name, uuid);
        SimReceivedFile file;
        file.conversationId = conversationId;
        file.name = name;
        file.messageId = message.id;
        file.size = bytes.size();
        file.sha256Hex = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
        file.viaUpload = viaUpload;
        file.bytes = bytes;
        m_files.recordReceived(std::move(file));
        qCInfo(lcSim) << "file received" << name << bytes.size() << "bytes"
                      << (viaUpload ? "uploaded" : "inline");

        SimEvent event;
        event.type = EventMessage;
        event.payload = QByteArrayLiteral("{\"messageId\":\"") + message.id.toLatin1()
            + QByteArrayLiteral("\"}");
        event.messageSeq = message.seq;
        event.countable = false; // the bot's own send: never in messages_emitted
        const QString id = message.id;
        event.onWritten = [done = std::move(done), id](bool) { done(id); };
        if (m_quiesced)
            m_hub.defer([event] { event.onWritten(false); });
        else
            m_hub.broadcast(std::move(event));
    }
    m_hub.flush();
    return true;
}

std::optional<QByteArray> SimGateway::mediaOf(const SimMessage &message, bool thumbnail)
{
    if (message.type != 6 && message.type != 1)
        return std::nullopt;
    if (!message.mediaUuid.isEmpty())
        return m_files.get(message.mediaUuid);
    // Encoding runs on the calling gRPC thread, outside every lock.
    QByteArray bytes;
    if (message.type == 1) {
        bytes = SimMedia::receiptPdf(quint64(message.seq));
    } else {
        const bool jpeg = message.filename.endsWith(QLatin1String(".jpg"));
        bytes = thumbnail ? SimMedia::brokenGoodsPhoto(quint64(message.seq), 200, 150, jpeg)
                          : SimMedia::brokenGoodsPhoto(quint64(message.seq), 800, 600, jpeg);
        const int every = m_options.faultCorruptImageEvery;
        if (every > 0 && quint64(message.seq) % quint64(every) == 0)
            bytes.truncate(bytes.size() / 3); // a download cut short
        ++m_photosServed;
    }
    return bytes;
}

void SimGateway::injectMessage(const QString &roomId, const QString &talkerId, const QString &text)
{
    {
        std::lock_guard lock(m_mutex);
        const bool isRoom = m_world.room(roomId) != nullptr;
        const SimMessage message = m_messages.append(talkerId, isRoom ? roomId : QString(),
                                                     isRoom ? QString() : m_world.self().id, text,
                                                     talkerId == m_world.self().id);
        emitMessageLocked(message);
    }
    m_hub.flush();
}

void SimGateway::emitMessageLocked(const SimMessage &message)
{
    if (m_quiesced || m_stalled)
        return;
    ++m_messageEvents;
    SimEvent event;
    event.type = EventMessage;
    event.messageSeq = message.seq;
    event.countable = !message.echo;
    const QByteArray id = message.id.toLatin1();
    if (m_options.faultMalformedEvery > 0
        && m_messageEvents % quint64(m_options.faultMalformedEvery) == 0) {
        // Broken JSON: no client can read the id, so it never counts.
        event.payload = QByteArrayLiteral("{\"messageId\":\"") + id;
        event.messageSeq = -1;
        event.countable = false;
        m_hub.broadcast(std::move(event));
        return;
    }
    event.payload = QByteArrayLiteral("{\"messageId\":\"") + id + QByteArrayLiteral("\"}");
    if (m_options.faultRepeatEvery > 0
        && m_messageEvents % quint64(m_options.faultRepeatEvery) == 0)
        m_hub.broadcast(event); // the same event twice; it still counts once
    m_hub.broadcast(std::move(event));
}

void SimGateway::generateMessageLocked()
{
    const QVector<SimRoom> &rooms = m_world.rooms();
    if (rooms.isEmpty())
        return; // the bot left every group
    const bool hot
        = m_options.hotRoomPercent > 0 && m_chatter.below(100) < m_options.hotRoomPercent;
    const SimRoom &room = rooms.at(hot ? 0 : m_chatter.below(int(rooms.size())));
    const QString &selfId = m_world.self().id;
    QVector<const SimRoomMember *> staff;
    QVector<const SimRoomMember *> customers;
    for (const SimRoomMember &m : room.members) {
        if (m.contactId == selfId)
            continue;
        const SimContact *c = m_world.contact(m.contactId);
        (c && c->staff ? staff : customers).append(&m);
    }
    const bool staffSpeaks = !staff.isEmpty() && (customers.isEmpty() || m_chatter.below(100) < 30);
    const auto &speakers = staffSpeaks ? staff : customers;
    if (speakers.isEmpty())
        return;
    const SimRoomMember *talker = speakers.at(m_chatter.below(int(speakers.size())));
    const QString text = staffSpeaks ? m_chatter.staffLine() : m_chatter.customerLine();
    ++m_generated;
    SimMessage message;
    const int every = m_options.imageEvery;
    if (every > 0 && m_generated % quint64(every) == 0) {
        // A photo of the damage (or, every 4th time, the receipt). Counted
        // like any message; the bytes are made when a client asks for them.
        const quint64 media = m_generated / quint64(every);
        if (media % 4 == 0) {
            message = m_messages.append(talker->contactId, room.id, QString(), QString(), false, 1,
                                        QStringLiteral("receipt-%1.pdf").arg(media));
        } else {
            const QString name = media % 2 ? QStringLiteral("IMG_%1.jpg").arg(1000 + media)
                                           : QStringLiteral("Screenshot_%1.png").arg(media);
            message = m_messages.append(talker->contactId, room.id, QString(), QString(), false, 6,
                                        name);
        }
    } else {
        message = m_messages.append(talker->contactId, room.id, QString(), text, false);
    }
    emitMessageLocked(message);

    if (m_options.roomEvents && m_options.roomEventEvery > 0
        && m_chatter.below(m_options.roomEventEvery) == 0)
        roomEventLocked();
}

void SimGateway::roomEventLocked()
{
    if (m_world.rooms().isEmpty())
        return;
    const int roomIndex = m_chatter.below(int(m_world.rooms().size()));
    const SimRoom &room = m_world.rooms().at(roomIndex);
    const QString roomId = room.id;
    const QString ownerId = room.ownerId;
    int kind = m_chatter.below(3);

    QStringList joinable;
    QStringList leavable;
    for (const SimContact &c : m_world.contacts()) {
        if (c.staff)
            continue;
        if (const SimRoomMember *m = m_world.member(room, c.id); !m)
            joinable.append(c.id);
        else if (c.id != ownerId)
            leavable.append(c.id);
    }
    if (kind == 0 && (room.members.size() >= 25 || joinable.isEmpty()))
        kind = 2;
    if (kind == 1 && (room.members.size() <= 8 || leavable.isEmpty()))
        kind = 2;

    ++m_roomEvents;
    switch (kind) {
    case 0: {
        const QString &invitee = joinable.at(m_chatter.below(int(joinable.size())));
        m_world.addMember(roomIndex, invitee, ownerId);
        emitLocked(EventRoomJoin,
                   {{QStringLiteral("inviteeIdList"), QJsonArray{invitee}},
                    {QStringLiteral("inviterId"), ownerId},
                    {QStringLiteral("roomId"), roomId},
                    {QStringLiteral("timestamp"), nowMs()}});
        break;
    }
    case 1: {
        const QString &removee = leavable.at(m_chatter.below(int(leavable.size())));
        // Half leave by themselves, half are removed by the owner.
        const QString remover = m_chatter.below(2) == 0 ? removee : ownerId;
        m_world.removeMember(roomIndex, removee);
        emitLocked(EventRoomLeave,
                   {{QStringLiteral("removeeIdList"), QJsonArray{removee}},
                    {QStringLiteral("removerId"), remover},
                    {QStringLiteral("roomId"), roomId},
                    {QStringLiteral("timestamp"), nowMs()}});
        break;
    }
    default: {
        const QString oldTopic = room.topic;
        const QString newTopic = m_chatter.renamedTopic(oldTopic);
        m_world.setTopic(roomIndex, newTopic);
        emitLocked(EventRoomTopic,
                   {{QStringLiteral("changerId"), ownerId},
                    {QStringLiteral("newTopic"), newTopic},
                    {QStringLiteral("oldTopic"), oldTopic},
                    {QStringLiteral("roomId"), roomId},
                    {QStringLiteral("timestamp"), nowMs()}});
        break;
    }
    }
}

int SimGateway::nextPayloadFault()
{
    const quint64 n = m_payloadCalls.fetch_add(1, std::memory_order_relaxed) + 1;
    if (m_options.faultFailPayloadEvery > 0 && n % quint64(m_options.faultFailPayloadEvery) == 0)
        return m_options.faultFailCode;
    return 0;
}

void SimGateway::setStalled(bool stalled)
{
    qCInfo(lcSim) << (stalled ? "gateway stalls (fault): no answers, no events"
                              : "gateway answers again");
    m_stalled = stalled;
}

void SimGateway::park(std::function<void()> releaseAtShutdown)
{
    std::lock_guard lock(m_parkedMutex);
    m_parked.push_back(std::move(releaseAtShutdown));
}

void SimGateway::releaseParked()
{
    std::vector<std::function<void()>> parked;
    {
        std::lock_guard lock(m_parkedMutex);
        parked.swap(m_parked);
    }
    for (const auto &fn : parked)
        fn();
}

// ---- time ---------------------------------------------------------------

void SimGateway::heartbeatTick()
{
    {
        std::lock_guard lock(m_mutex);
        emitLocked(EventHeartbeat, {{QStringLiteral("data"), QStringLiteral("heartbeat")}});
    }
    m_hub.flush();
    m_clock.post(m_options.heartbeatS * 1000, [this] { heartbeatTick(); });
}

void SimGateway::trafficTick()
{
    {
        std::lock_guard lock(m_mutex);
        const Clock::time_point now = Clock::now();
        const double elapsedS = std::chrono::duration<double>(now - m_lastTick).count();
        m_lastTick = now;
        if (!m_trafficEnded && m_options.durationS > 0 && m_firstSubscribe
            && now >= *m_firstSubscribe
                    + std::chrono::duration_cast<Clock::duration>(
                        std::chrono::duration<double>(m_options.durationS))) {
            m_trafficEnded = true;
            qCInfo(lcSim) << "traffic duration over; still serving";
        }
        const bool active = !m_quiesced && !m_stalled && m_started && m_loggedIn && !m_trafficEnded
            && m_options.rate > 0 && m_hub.subscriberCount() > 0;
        if (!active) {
            m_due = 0;
        } else {
            m_due += m_options.rate * elapsedS;
            // After a stall send at most a second's worth, not a flood.
            const double cap = std::max(1.0, m_options.rate);
            const int count = int(std::floor(std::min(m_due, cap)));
            m_due = std::min(m_due, cap) - count;
            for (int i = 0; i < count; ++i)
                generateMessageLocked();
        }
    }
    m_hub.flush();
    m_clock.post(kTrafficTickMs, [this] { trafficTick(); });
}

void SimGateway::burst(int count)
{
    bool start = false;
    {
        std::lock_guard lock(m_mutex);
        m_burstLeft += std::max(0, count);
        start = !m_burstRunning && m_burstLeft > 0;
        m_burstRunning = m_burstRunning || start;
    }
    if (start)
        m_clock.post(0, [this] { burstTick(); });
}

void SimGateway::burstTick()
{
    // Chunks keep the scheduler (heartbeats, DONGs) and the writers moving.
    constexpr int kChunk = 500;
    bool more = false;
    bool active = false;
    {
        std::lock_guard lock(m_mutex);
        active
            = !m_quiesced && !m_stalled && m_started && m_loggedIn && m_hub.subscriberCount() > 0;
        if (active) {
            const int count = std::min(kChunk, m_burstLeft);
            for (int i = 0; i < count; ++i)
                generateMessageLocked();
            m_burstLeft -= count;
        }
        more = m_burstLeft > 0 && !m_quiesced;
        m_burstRunning = more;
    }
    m_hub.flush();
    if (more)
        m_clock.post(active ? 0 : kTrafficTickMs, [this] { burstTick(); });
}

// ---- read-outs ------------------------------------------------------------

QVector<SimReceivedText> SimGateway::receivedTextSends() const
{
    std::lock_guard lock(m_mutex);
    return m_receivedTextSends;
}

QStringList SimGateway::receivedTexts() const
{
    std::lock_guard lock(m_mutex);
    return m_receivedTexts;
}

QJsonObject SimGateway::stats() const
{
    std::lock_guard lock(m_mutex);
    // Per conversation and in order of arrival: what a test of a process
    // (a broadcast delivered once per group, paced) counts on this side.
    QJsonObject byConversation;
    QJsonArray receivedMs;
    for (const SimReceivedText &t : m_receivedTextSends) {
        byConversation[t.conversationId] = byConversation[t.conversationId].toInt() + 1;
        receivedMs.append(t.receivedMs);
    }
    const QVector<SimReceivedFile> files = m_files.received();
    QJsonObject filesByConversation;
    for (const SimReceivedFile &f : files)
        filesByConversation[f.conversationId] = filesByConversation[f.conversationId].toInt() + 1;
    return QJsonObject{
        {QStringLiteral("texts_by_conversation"), byConversation},
        {QStringLiteral("text_received_ms"), receivedMs},
        {QStringLiteral("files_by_conversation"), filesByConversation},
        {QStringLiteral("messages_emitted"), qint64(m_messages.messagesEmitted())},
        {QStringLiteral("rooms"), int(m_world.rooms().size())},
        {QStringLiteral("contacts"), int(m_world.contacts().size())},
        {QStringLiteral("texts_received"), int(m_receivedTexts.size())},
        // Every text sent through this gateway, in order of arrival: a test
        // of several processes counts each send here (exactly once).
        {QStringLiteral("received_texts"), QJsonArray::fromStringList(m_receivedTexts)},
        {QStringLiteral("files_received"), int(files.size())},
        {QStringLiteral("photos_served"), qint64(m_photosServed.load())},
        {QStringLiteral("echoes_written"), qint64(m_messages.echoesWritten())},
        {QStringLiteral("messages_created"), qint64(m_messages.messagesCreated())},
        {QStringLiteral("message_events_queued"), qint64(m_messageEvents)},
        {QStringLiteral("events_written"), qint64(m_eventsWritten.load())},
        {QStringLiteral("room_events"), qint64(m_roomEvents)},
        {QStringLiteral("payload_calls"), qint64(m_payloadCalls.load())},
        {QStringLiteral("subscribers"), m_hub.subscriberCount()},
        {QStringLiteral("logged_in"), m_loggedIn},
        {QStringLiteral("traffic_ended"), m_trafficEnded},
        {QStringLiteral("stalled"), m_stalled.load()},
        {QStringLiteral("rate"), m_options.rate},
        {QStringLiteral("seed"), qint64(m_options.seed)},
    };
}

} // namespace gd::sim

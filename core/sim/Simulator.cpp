#include "sim/Simulator.h"

#include "sim/SimGateway.h"
#include "sim/SimPuppetServer.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSaveFile>

#include <mutex>

namespace gd::sim {

struct Simulator::Private
{
    explicit Private(const SimulatorOptions &options)
        : gateway(options)
        , server(gateway)
    {}
    SimGateway gateway;
    SimPuppetServer server;
    std::mutex lifecycle;
    bool started = false;
    bool stopped = false;
};

Simulator::Simulator(const SimulatorOptions &options)
    : d(std::make_unique<Private>(options))
{}

Simulator::~Simulator()
{
    shutdown();
}

bool Simulator::start(QString *error)
{
    std::lock_guard lock(d->lifecycle);
    if (d->started)
        return true;
    const SimulatorOptions &o = d->gateway.options();
    if (!d->server.start(o.host, o.port, error))
        return false;
    d->gateway.startClock();
    d->started = true;
    qCInfo(lcSim) << "simulator listening on" << o.host << d->server.port() << "rate" << o.rate;
    return true;
}

quint16 Simulator::port() const
{
    return d->server.port();
}

QString Simulator::address() const
{
    return QStringLiteral("%1:%2").arg(d->gateway.options().host).arg(port());
}

void Simulator::shutdown()
{
    std::lock_guard lock(d->lifecycle);
    if (!d->started || d->stopped)
        return;
    d->stopped = true;
    // Order matters: stop making events, end the streams and calls while the
    // clock still runs (delayed answers need it), then stop the clock.
    d->gateway.quiesce();
    d->server.shutdown();
    d->gateway.stopClock();
    const QString statsFile = d->gateway.options().statsFile;
    if (!statsFile.isEmpty()) {
        QString error;
        if (!writeStatsFile(statsFile, &error))
            qCWarning(lcSim) << error;
    }
    qCInfo(lcSim) << "simulator stopped:"
                  << QJsonDocument(stats()).toJson(QJsonDocument::Compact).constData();
}

const SimulatorOptions &Simulator::options() const
{
    return d->gateway.options();
}

QJsonObject Simulator::stats() const
{
    return d->gateway.stats();
}

bool Simulator::writeStatsFile(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("Simulator", "Cannot write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(stats()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = QCoreApplication::translate("Simulator", "Cannot write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

QStringList Simulator::receivedTexts() const
{
    return d->gateway.receivedTexts();
}

QStringList Simulator::quitRooms() const
{
    return d->gateway.quitRooms();
}

QVector<SimReceivedText> Simulator::receivedTextSends() const
{
    return d->gateway.receivedTextSends();
}

QVector<SimReceivedFile> Simulator::receivedFiles() const
{
    return d->gateway.files().received();
}

bool Simulator::isLoggedIn() const
{
    return d->gateway.isLoggedIn();
}

QString Simulator::selfId() const
{
    return d->gateway.selfId();
}

QString Simulator::selfName() const
{
    return d->gateway.world().self().name;
}

int Simulator::roomCount() const
{
    return int(d->gateway.world().rooms().size());
}

int Simulator::contactCount() const
{
    return int(d->gateway.world().contacts().size());
}

QStringList Simulator::roomIds() const
{
    QStringList ids;
    // world() is a copy: keep it alive for the loop (a range-for over a
    // member of the temporary would read freed memory).
    const SimWorld world = d->gateway.world();
    for (const SimRoom &r : world.rooms())
        ids.append(r.id);
    return ids;
}

QString Simulator::roomTopic(const QString &roomId) const
{
    const auto r = d->gateway.room(roomId);
    return r ? r->topic : QString();
}

QString Simulator::roomOwnerId(const QString &roomId) const
{
    const auto r = d->gateway.room(roomId);
    return r ? r->ownerId : QString();
}

QStringList Simulator::roomMemberIds(const QString &roomId) const
{
    QStringList ids;
    if (const auto r = d->gateway.room(roomId)) {
        for (const SimRoomMember &m : r->members)
            ids.append(m.contactId);
    }
    return ids;
}

QString Simulator::roomMemberAlias(const QString &roomId, const QString &memberId) const
{
    if (const auto r = d->gateway.room(roomId)) {
        for (const SimRoomMember &m : r->members) {
            if (m.contactId == memberId)
                return m.roomAlias;
        }
    }
    return {};
}

QStringList Simulator::contactIds() const
{
    QStringList ids;
    const SimWorld world = d->gateway.world(); // a copy, alive for the loop
    for (const SimContact &c : world.contacts())
        ids.append(c.id);
    return ids;
}

QString Simulator::contactName(const QString &contactId) const
{
    const auto c = d->gateway.contact(contactId);
    return c ? c->name : QString();
}

QString Simulator::contactAlias(const QString &contactId) const
{
    const auto c = d->gateway.contact(contactId);
    return c ? c->alias : QString();
}

bool Simulator::isStaff(const QString &contactId) const
{
    const auto c = d->gateway.contact(contactId);
    return c && c->staff;
}

void Simulator::burst(int count)
{
    d->gateway.burst(count);
}

void Simulator::injectMessage(const QString &roomId, const QString &talkerId, const QString &text)
{
    d->gateway.injectMessage(roomId, talkerId, text);
}

void Simulator::logoutBot(const QString &reason)
{
    d->gateway.logout(reason);
}

} // namespace gd::sim

#pragma once
// The simulator's wire: a wechaty.Puppet gRPC server (callback API) that
// checks the token on every call and hands each call to a SimGateway.
// gRPC types stay in the .cpp: this header is safe to include anywhere.

#include <QString>

#include <memory>

namespace gd::sim {

class SimGateway;

class SimPuppetServer
{
public:
    explicit SimPuppetServer(SimGateway &gateway);
    ~SimPuppetServer();

    bool start(const QString &host, quint16 port, QString *error);
    quint16 port() const;
    // Ends every stream and call (waiting at most a few seconds). Idempotent.
    void shutdown();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace gd::sim

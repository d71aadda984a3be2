#include "TestArchive.h"

#include "PgTestServer.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <memory>

namespace gd::test {
namespace {

std::unique_ptr<PgTestServer> &server()
{
    static std::unique_ptr<PgTestServer> instance;
    return instance;
}

void stopServer()
{
    server().reset();
}

} // namespace

bool TestArchive::usesPostgres()
{
    return qgetenv("GD_TEST_BACKEND") == "postgresql";
}

QString TestArchive::fresh(const QTemporaryDir &dir, const QString &fileName, QString *error)
{
    if (!usesPostgres())
        return dir.filePath(fileName);
    if (!server()) {
        auto started = std::make_unique<PgTestServer>();
        if (!started->start(error))
            return QString();
        server() = std::move(started);
        // Before Qt goes away (QProcess is needed to stop it).
        qAddPostRoutine(stopServer);
    }
    const QString name = server()->createFreshDatabase(error);
    return name.isEmpty() ? QString() : server()->url(name);
}

} // namespace gd::test

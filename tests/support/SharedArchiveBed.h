#pragma once
// What the team-mode tests (issue 18) start from: a PostgreSQL server with a
// fresh database, the test's own store open on it (a console), a reader, and
// a folder for the engines' data and output (kept with GD_KEEP_TEST_DIR=1),
// plus accounts whose tokens go to the keychain of the test's D-Bus session.

#include "PgTestServer.h"

#include <QPair>
#include <QString>
#include <QTemporaryDir>
#include <QVector>

#include <memory>

namespace gd {
class Store;
class StoreReader;
} // namespace gd

namespace gd::test {

// The built groupdesk, or GD_ENGINE_BINARY's (another build's, to compare
// with a fix).
QString groupdeskBinary();

class SharedArchiveBed
{
public:
    SharedArchiveBed();
    ~SharedArchiveBed();
    SharedArchiveBed(const SharedArchiveBed &) = delete;
    SharedArchiveBed &operator=(const SharedArchiveBed &) = delete;

    // Server settings (PgTestServer::addSetting) go in before start().
    PgTestServer &server() { return m_server; }
    // Starts the server, creates the database, opens the store and the
    // reader; false with the reason.
    bool start(QString *error);

    QString url() const { return m_url; }
    Store &store() { return *m_store; }
    StoreReader &reader() { return *m_reader; }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    QString folder() const { return m_dir.path(); }

    // Accounts (id, token) on the gateway at `endpoint`, stored in the
    // shared database (flushed), each token in the keychain. Waits up to
    // 15 s for the keychain; false with the reason.
    bool addAccounts(const QVector<QPair<QString, QString>> &accounts, const QString &endpoint,
                     QString *error);

private:
    PgTestServer m_server;
    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
};

} // namespace gd::test

#include "SharedArchiveBed.h"

#include "model/Types.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "util/SecretStore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

namespace gd::test {

QString groupdeskBinary()
{
    const QString other = qEnvironmentVariable("GD_ENGINE_BINARY");
    return other.isEmpty() ? QStringLiteral(GD_BINARY_DIR "/app/groupdesk/groupdesk") : other;
}

SharedArchiveBed::SharedArchiveBed()
{
    m_dir.setAutoRemove(qEnvironmentVariableIsEmpty("GD_KEEP_TEST_DIR"));
}

SharedArchiveBed::~SharedArchiveBed()
{
    m_reader.reset(); // before the store, and both before the server stops
    m_store.reset();
}

bool SharedArchiveBed::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
        return false;
    }
    if (!m_server.start(error))
        return false;
    const QString name = m_server.createFreshDatabase(error);
    if (name.isEmpty())
        return false;
    m_url = m_server.url(name);
    m_store = std::make_unique<Store>();
    if (!m_store->open(m_url, error))
        return false;
    m_reader = m_store->createReader();
    if (!m_dir.autoRemove())
        qInfo() << "engine data and logs kept in" << m_dir.path();
    return true;
}

bool SharedArchiveBed::addAccounts(const QVector<QPair<QString, QString>> &accounts,
                                   const QString &endpoint, QString *error)
{
    SecretStore secrets;
    int answered = 0;
    QString refused;
    for (const auto &[id, token] : accounts) {
        AccountInfo info;
        info.id = id;
        info.displayName = id;
        info.endpoint = endpoint;
        m_store->upsertAccount(info);
        secrets.writeToken(id, token, [&answered, &refused](bool ok, const QString &e) {
            ++answered;
            if (!ok && refused.isEmpty())
                refused = e;
        });
    }
    m_store->flush();
    const QDeadlineTimer deadline(15000);
    while (answered < accounts.size() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    if (answered < accounts.size())
        *error = QStringLiteral("the keychain did not answer within 15 s");
    else if (!refused.isEmpty())
        *error = QStringLiteral("the keychain refused a token (run under dbus-run-session + "
                                "gnome-keyring): ")
            + refused;
    return answered == accounts.size() && refused.isEmpty();
}

} // namespace gd::test

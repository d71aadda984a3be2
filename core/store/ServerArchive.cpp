#include "store/ServerArchive.h"

#include "store/DatabaseAddress.h"
#include "store/Schema.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace gd {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ServerArchive", text);
}

// libpq's reason, in words a user can act on.
QString explain(const DatabaseAddress &address, const QString &detail)
{
    const auto has = [&detail](const char *words) {
        return detail.contains(QLatin1String(words), Qt::CaseInsensitive);
    };
    if (has("password authentication failed") || has("no password supplied")
        || has("authentication failed"))
        return tr("The server refused the password. Enter the right one for user “%1”.")
            .arg(address.user());
    if (has("does not support SSL") || has("SSL off"))
        return tr("The server does not offer an encrypted connection (TLS), but the address asks "
                  "for one (sslmode=%1).")
            .arg(address.sslMode());
    if (has("certificate") || has("SSL"))
        return tr("The encrypted connection could not be set up (sslmode=%1): check the server's "
                  "certificate and sslrootcert.")
            .arg(address.sslMode().isEmpty() ? QStringLiteral("prefer") : address.sslMode());
    if (has("database") && has("does not exist"))
        return tr("The server has no database “%1”.").arg(address.database());
    if (has("role") && has("does not exist"))
        return tr("The server has no user “%1”.").arg(address.user());
    if (has("no pg_hba.conf entry") || has("rejected"))
        return tr("The server does not let this computer in (its pg_hba.conf).");
    return tr("The server could not be reached. Check the host, the port and the network.");
}

} // namespace

QString ServerArchive::passwordKey(const QString &location)
{
    const DatabaseAddress address = DatabaseAddress::parse(location);
    QString server = address.user() + QLatin1Char('@') + address.host();
    if (address.port())
        server += QLatin1Char(':') + QString::number(address.port());
    return QStringLiteral("database-password/") + server + QLatin1Char('/') + address.database();
}

ServerArchive::Check ServerArchive::check(const QString &location, const QString &password)
{
    Check result;
    QString why;
    const DatabaseAddress address = DatabaseAddress::parse(location, &why);
    if (!address.isServer()) {
        result.message
            = address.isValid() ? tr("A shared archive needs a postgresql:// address.") : why;
        return result;
    }
    const QString name
        = QStringLiteral("gd-check-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    {
        QSqlDatabase db = address.addConnection(name);
        if (!password.isEmpty())
            db.setPassword(password);
        if (!db.open()) {
            result.detail = db.lastError().text();
            result.message = explain(address, result.detail);
            qCWarning(lcStore).noquote()
                << "connection check of" << address.displayName() << "failed:" << result.detail;
        } else {
            QSqlQuery q(db);
            result.ok = true;
            const bool hasArchive
                = q.exec(QStringLiteral("SELECT to_regclass('gd_schema_version') IS NOT NULL"))
                && q.next() && q.value(0).toBool();
            result.schemaVersion = 0;
            if (hasArchive
                && q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM "
                                         "gd_schema_version"))
                && q.next())
                result.schemaVersion = q.value(0).toInt();
            if (result.schemaVersion > Schema::latestVersion())
                result.message = tr("Connected. The archive was made by a newer GroupDesk "
                                    "(version %1): update GroupDesk before using it.")
                                     .arg(result.schemaVersion);
            else if (result.schemaVersion > 0)
                result.message = tr("Connected: a GroupDesk archive.");
            else
                result.message = tr("Connected: an empty database. GroupDesk sets it up when it "
                                    "opens it.");
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace gd

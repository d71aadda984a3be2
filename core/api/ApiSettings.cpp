#include "api/ApiSettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QSettings>

namespace gd::api {

bool ApiSettings::isLoopback() const
{
    const QHostAddress host(address);
    return !host.isNull() && host.isLoopback();
}

QString ApiSettings::problem() const
{
    const QHostAddress host(address);
    if (host.isNull())
        return QCoreApplication::translate("ApiSettings", "“%1” is not an IP address.")
            .arg(address);
    if (certFile.isEmpty() != keyFile.isEmpty())
        return QCoreApplication::translate("ApiSettings",
                                           "Give both the certificate and the key file.");
    if (!host.isLoopback() && !usesTls())
        return QCoreApplication::translate(
                   "ApiSettings",
                   "The API listens on %1 only with TLS: choose a certificate and a key file, or "
                   "listen on 127.0.0.1.")
            .arg(address);
    for (const QString &file : {certFile, keyFile}) {
        if (!file.isEmpty() && !QFileInfo(file).isReadable())
            return QCoreApplication::translate("ApiSettings", "Cannot read %1.").arg(file);
    }
    return {};
}

ApiSettings ApiSettings::load()
{
    QSettings s;
    ApiSettings a;
    a.enabled = s.value(QStringLiteral("api/enabled"), false).toBool();
    a.address = s.value(QStringLiteral("api/address"), a.address).toString();
    a.port = quint16(s.value(QStringLiteral("api/port"), a.port).toUInt());
    a.certFile = s.value(QStringLiteral("api/certFile")).toString();
    a.keyFile = s.value(QStringLiteral("api/keyFile")).toString();
    return a;
}

void ApiSettings::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("api/enabled"), enabled);
    s.setValue(QStringLiteral("api/address"), address);
    s.setValue(QStringLiteral("api/port"), port);
    s.setValue(QStringLiteral("api/certFile"), certFile);
    s.setValue(QStringLiteral("api/keyFile"), keyFile);
}

} // namespace gd::api

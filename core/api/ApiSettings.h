#pragma once
// Where the API listens: 127.0.0.1 by default; any other address only with
// TLS (a PEM certificate and key file), so a secret-signed request never
// crosses a network in the clear. Kept in QSettings under "api/".

#include <QString>

namespace gd::api {

struct ApiSettings
{
    bool enabled = false;
    QString address = QStringLiteral("127.0.0.1");
    quint16 port = 8787; // 0: any free port (tests)
    QString certFile; // PEM; with keyFile: serve HTTPS
    QString keyFile;

    bool usesTls() const { return !certFile.isEmpty() && !keyFile.isEmpty(); }
    bool isLoopback() const;
    // Why these settings cannot be used (translated), or empty.
    QString problem() const;

    static ApiSettings load(); // from QSettings
    void save() const;
};

} // namespace gd::api

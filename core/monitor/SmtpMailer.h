#pragma once
// Sends one plain-text UTF-8 e-mail through an SMTP server with libcurl:
// plaintext (loopback), STARTTLS or implicit TLS, optional login. Blocking:
// call it from a worker thread. The password is passed in by the caller (it
// lives in the keychain) and never logged.

#include <QString>
#include <QStringList>

namespace gd {

struct SmtpSettings
{
    enum class Tls : int { None = 0, StartTls = 1, Implicit = 2 };
    QString host;
    int port = 587;
    Tls tls = Tls::StartTls;
    QString user; // empty: no login
    QString from;
    QStringList to;
    QString caFile; // PEM; empty: the system's roots
    int timeoutS = 30;

    bool isComplete() const { return !host.isEmpty() && !from.isEmpty() && !to.isEmpty(); }
};

class SmtpMailer
{
public:
    // The RFC 5322 message (headers + base64 body) that send() transmits.
    static QByteArray composeMessage(const SmtpSettings &settings, const QString &subject,
                                     const QString &body, qint64 nowMs);
    // The header lines every message carries (Date, From, To, Subject,
    // Message-ID, MIME-Version), each ending in CRLF; the caller adds the
    // content headers and the body (multipart reports).
    static QByteArray composeHeaders(const SmtpSettings &settings, const QString &subject,
                                     qint64 nowMs);
    // Sends a complete message (headers and body) as it is. Same result and
    // errors as send().
    static bool sendMessage(const SmtpSettings &settings, const QString &password,
                            const QByteArray &message, QString *error);
    // true once the server accepted the message for every recipient;
    // otherwise *error says why (in the user's language, no secrets).
    static bool send(const SmtpSettings &settings, const QString &password, const QString &subject,
                     const QString &body, QString *error);
};

} // namespace gd

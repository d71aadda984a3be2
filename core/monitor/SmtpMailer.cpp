#include "monitor/SmtpMailer.h"

#include "util/Log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QUuid>

#include <curl/curl.h>

#include <cstring>
#include <mutex>

namespace gd {
namespace {

struct Upload
{
    QByteArray data;
    qsizetype offset = 0;
};

size_t readUpload(char *buffer, size_t size, size_t count, void *userdata)
{
    auto *upload = static_cast<Upload *>(userdata);
    const size_t room = size * count;
    const size_t left = size_t(upload->data.size() - upload->offset);
    const size_t n = std::min(room, left);
    std::memcpy(buffer, upload->data.constData() + upload->offset, n);
    upload->offset += qsizetype(n);
    return n;
}

// RFC 2047: non-ASCII header text as UTF-8 base64 words.
QByteArray encodeHeader(const QString &text)
{
    bool ascii = true;
    for (QChar c : text) {
        if (c.unicode() > 0x7e || c.unicode() < 0x20)
            ascii = false;
    }
    if (ascii)
        return text.toLatin1();
    QByteArray out;
    // Words of at most 45 bytes of UTF-8, never splitting a character.
    QByteArray chunk;
    auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    for (int i = 0; i < text.size(); ++i) {
        QString one = text.at(i);
        if (text.at(i).isHighSurrogate() && i + 1 < text.size())
            one += text.at(++i);
        const QByteArray bytes = one.toUtf8();
        if (chunk.size() + bytes.size() > 45)
            flush();
        chunk += bytes;
    }
    flush();
    return out;
}

QByteArray address(const QString &a)
{
    return "<" + a.trimmed().toUtf8() + ">";
}

// Header values come from settings: keep line breaks out of them.
QString oneLine(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return out;
}

} // namespace

QByteArray SmtpMailer::composeHeaders(const SmtpSettings &settings, const QString &subject,
                                      qint64 nowMs)
{
    QByteArray m;
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs);
    const int secs = now.offsetFromUtc();
    const QString zone = QStringLiteral("%1%2%3")
                             .arg(secs < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                             .arg(qAbs(secs) / 3600, 2, 10, QLatin1Char('0'))
                             .arg((qAbs(secs) % 3600) / 60, 2, 10, QLatin1Char('0'));
    m += "Date: "
        + QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss ")).toLatin1()
        + zone.toLatin1() + "\r\n";
    m += "From: " + address(oneLine(settings.from)) + "\r\n";
    QByteArrayList to;
    for (const QString &t : settings.to)
        to.append(address(oneLine(t)));
    m += "To: " + to.join(", ") + "\r\n";
    m += "Subject: " + encodeHeader(oneLine(subject)) + "\r\n";
    m += "Message-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()
        + "@groupdesk>\r\n";
    m += "MIME-Version: 1.0\r\n";
    return m;
}

QByteArray SmtpMailer::composeMessage(const SmtpSettings &settings, const QString &subject,
                                      const QString &body, qint64 nowMs)
{
    QByteArray m = composeHeaders(settings, subject, nowMs);
    m += "Content-Type: text/plain; charset=UTF-8\r\n";
    m += "Content-Transfer-Encoding: base64\r\n";
    m += "\r\n";
    const QByteArray encoded = body.toUtf8().toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        m += encoded.mid(i, 76) + "\r\n";
    return m;
}

bool SmtpMailer::send(const SmtpSettings &settings, const QString &password, const QString &subject,
                      const QString &body, QString *error)
{
    return sendMessage(settings, password,
                       composeMessage(settings, subject, body, QDateTime::currentMSecsSinceEpoch()),
                       error);
}

bool SmtpMailer::sendMessage(const SmtpSettings &settings, const QString &password,
                             const QByteArray &message, QString *error)
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    if (!settings.isComplete()) {
        *error = QCoreApplication::translate(
            "SmtpMailer",
            "E-mail is not set up: the server, the sender and a recipient are "
            "needed.");
        return false;
    }
    CURL *curl = curl_easy_init();
    if (!curl) {
        *error = QCoreApplication::translate("SmtpMailer", "E-mail cannot be sent (libcurl).");
        return false;
    }
    Upload upload{message, 0};
    const QByteArray url
        = QStringLiteral("%1://%2:%3")
              .arg(settings.tls == SmtpSettings::Tls::Implicit ? QStringLiteral("smtps")
                                                               : QStringLiteral("smtp"),
                   settings.host)
              .arg(settings.port)
              .toUtf8();
    const QByteArray from = address(settings.from);
    const QByteArray user = settings.user.toUtf8();
    const QByteArray pass = password.toUtf8();
    const QByteArray ca = settings.caFile.toLocal8Bit();
    curl_slist *recipients = nullptr;
    QByteArrayList rcptStorage;
    for (const QString &t : settings.to) {
        rcptStorage.append(address(t));
        recipients = curl_slist_append(recipients, rcptStorage.last().constData());
    }
    char errbuf[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, long(std::min(10, settings.timeoutS)));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, long(settings.timeoutS));
    if (settings.tls == SmtpSettings::Tls::StartTls)
        curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    if (!ca.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, ca.constData());
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, pass.constData());
    }
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readUpload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    const CURLcode res = curl_easy_perform(curl);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (res != CURLE_OK) {
        const QString detail = QString::fromUtf8(errbuf[0] ? errbuf : curl_easy_strerror(res));
        qCWarning(lcEngine) << "e-mail to" << settings.host << "failed:" << int(res) << detail;
        *error = QCoreApplication::translate("SmtpMailer", "The e-mail could not be sent: %1")
                     .arg(detail);
        return false;
    }
    qCInfo(lcEngine) << "e-mail sent through" << settings.host << "to" << settings.to.size()
                     << "recipient(s)";
    return true;
}

} // namespace gd

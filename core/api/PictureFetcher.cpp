#include "api/PictureFetcher.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace gd::api {

PictureFetcher::PictureFetcher(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{}

bool PictureFetcher::isAllowedUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        && !url.host().isEmpty();
}

void PictureFetcher::fetch(const QUrl &url, qint64 maxBytes, int timeoutMs, Done done)
{
    if (!isAllowedUrl(url)) {
        done(Failure::BadUrl, {}, {}, QStringLiteral("Only http and https URLs are fetched."));
        return;
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(3);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = m_network->get(request);
    auto finished = std::make_shared<bool>(false);
    auto tooLarge = std::make_shared<bool>(false);
    auto finish = [reply, finished, done](Failure f, const QByteArray &bytes, const QString &e) {
        if (*finished)
            return;
        *finished = true;
        const QString name = QFileInfo(reply->url().path()).fileName();
        reply->deleteLater();
        done(f, bytes, name, e);
    };
    // A redirect to another scheme (file:, ftp:) is refused.
    connect(reply, &QNetworkReply::redirected, reply, [reply](const QUrl &target) {
        if (!isAllowedUrl(target))
            reply->abort();
    });
    connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, maxBytes, tooLarge] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > maxBytes) {
            *tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [reply, maxBytes, tooLarge](qint64 received, qint64) {
                if (received > maxBytes) {
                    *tooLarge = true;
                    reply->abort();
                }
            });
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply] { reply->abort(); });
    timer->start(timeoutMs);
    connect(reply, &QNetworkReply::finished, this, [reply, finish, tooLarge, maxBytes, timeoutMs] {
        if (*tooLarge) {
            finish(Failure::TooLarge, {},
                   QStringLiteral("The picture is larger than %1 bytes.").arg(maxBytes));
            return;
        }
        if (reply->error() != QNetworkReply::NoError) {
            const QString why = reply->error() == QNetworkReply::OperationCanceledError
                ? QStringLiteral("no answer within %1 ms, or a redirect to a URL that is not "
                                 "http or https")
                      .arg(timeoutMs)
                : reply->errorString();
            finish(Failure::Failed, {},
                   QStringLiteral("The picture could not be fetched: %1").arg(why));
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status < 200 || status >= 300) {
            finish(Failure::Failed, {},
                   QStringLiteral("The picture URL answered HTTP %1.").arg(status));
            return;
        }
        const QByteArray bytes = reply->readAll();
        if (bytes.size() > maxBytes) {
            finish(Failure::TooLarge, {},
                   QStringLiteral("The picture is larger than %1 bytes.").arg(maxBytes));
            return;
        }
        finish(Failure::None, bytes, {});
    });
}

} // namespace gd::api

#pragma once
// Fetches a picture an app gave by URL: http and https only (redirects too),
// at most `maxBytes` (a larger Content-Length or body aborts at once) and at
// most `timeoutMs` in total. The answer comes back on this object's thread.

#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace gd::api {

class PictureFetcher : public QObject
{
    Q_OBJECT
public:
    enum class Failure { None, BadUrl, TooLarge, Failed };
    using Done = std::function<void(Failure failure, const QByteArray &bytes, const QString &name,
                                    const QString &error)>;

    explicit PictureFetcher(QObject *parent = nullptr);

    static bool isAllowedUrl(const QUrl &url);
    void fetch(const QUrl &url, qint64 maxBytes, int timeoutMs, Done done);

private:
    QNetworkAccessManager *m_network;
};

} // namespace gd::api

#include "api/RequestSignature.h"

#include <QCryptographicHash>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QUrl>

#include <algorithm>

namespace gd::api {

QByteArray RequestSignature::canonicalPath(const QByteArray &path)
{
    QList<QByteArray> segments = path.split('/');
    for (QByteArray &segment : segments)
        segment = QUrl::toPercentEncoding(QUrl::fromPercentEncoding(segment));
    return segments.join('/');
}

QByteArray RequestSignature::canonicalQuery(const QByteArray &rawQuery)
{
    QList<QByteArray> pairs;
    for (const QByteArray &part : rawQuery.split('&')) {
        if (part.isEmpty())
            continue;
        const int eq = part.indexOf('=');
        const QByteArray key = eq < 0 ? part : part.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        // '+' is a space in form encoding; clients must send %20, so '+' stays literal.
        const QByteArray k = QUrl::toPercentEncoding(QUrl::fromPercentEncoding(key));
        const QByteArray v = QUrl::toPercentEncoding(QUrl::fromPercentEncoding(value));
        pairs.append(k + '=' + v);
    }
    std::sort(pairs.begin(), pairs.end());
    return pairs.join('&');
}

QByteArray RequestSignature::canonicalString(const QByteArray &method, const QByteArray &path,
                                             const QByteArray &rawQuery,
                                             const QByteArray &timestamp, const QByteArray &nonce,
                                             const QByteArray &body)
{
    const QByteArray bodyHash = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    return method.toUpper() + '\n' + canonicalPath(path) + '\n' + canonicalQuery(rawQuery) + '\n'
        + timestamp + '\n' + nonce + '\n' + bodyHash;
}

QByteArray RequestSignature::sign(const QByteArray &secret, const QByteArray &method,
                                  const QByteArray &path, const QByteArray &rawQuery,
                                  const QByteArray &timestamp, const QByteArray &nonce,
                                  const QByteArray &body)
{
    return QMessageAuthenticationCode::hash(
               canonicalString(method, path, rawQuery, timestamp, nonce, body), secret,
               QCryptographicHash::Sha256)
        .toHex();
}

bool RequestSignature::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

bool RequestSignature::verify(const QByteArray &secret, const QByteArray &method,
                              const QByteArray &path, const QByteArray &rawQuery,
                              const QByteArray &timestamp, const QByteArray &nonce,
                              const QByteArray &body, const QByteArray &signatureHex)
{
    if (secret.isEmpty())
        return false;
    const QByteArray expected = sign(secret, method, path, rawQuery, timestamp, nonce, body);
    return constantTimeEquals(expected, signatureHex.trimmed().toLower());
}

bool RequestSignature::isWellFormedNonce(const QByteArray &nonce)
{
    if (nonce.size() < 16 || nonce.size() > 64)
        return false;
    return std::all_of(nonce.begin(), nonce.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '_' || c == '-';
    });
}

qint64 RequestSignature::parseTimestamp(const QByteArray &timestamp)
{
    if (timestamp.isEmpty() || timestamp.size() > 12)
        return -1;
    qint64 value = 0;
    for (char c : timestamp) {
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace gd::api

#include "gateway/GatewayToken.h"

#include <QCoreApplication>

namespace gd {

QString GatewayToken::normalized(const QString &raw)
{
    return raw.trimmed();
}

QString GatewayToken::problem(const QString &token)
{
    if (token.isEmpty())
        return QCoreApplication::translate("GatewayToken", "The token is empty.");
    if (token.size() > kMaxLength)
        return QCoreApplication::translate(
                   "GatewayToken",
                   "The token is longer than %1 characters; gateway tokens are much shorter. "
                   "Check that only the token was entered.")
            .arg(kMaxLength);
    // The position lets a user find the culprit without the message quoting
    // any part of the secret. Everything before it is ASCII, so the index is
    // also the position in characters.
    int position = 0;
    for (auto it = token.cbegin(); it != token.cend(); ++it) {
        ++position;
        const char16_t c = it->unicode();
        if (c < 0x20 || c > 0x7e) {
            return QCoreApplication::translate(
                       "GatewayToken",
                       "The token contains a character that gateways cannot accept (character "
                       "%1). A token may contain only letters A-Z and a-z, digits, punctuation "
                       "and spaces: no accented or Chinese letters, line breaks, tabs or "
                       "invisible characters.")
                .arg(position);
        }
    }
    if (token.front() == QLatin1Char(' ') || token.back() == QLatin1Char(' '))
        return QCoreApplication::translate("GatewayToken",
                                           "The token begins or ends with a space.");
    return {};
}

} // namespace gd

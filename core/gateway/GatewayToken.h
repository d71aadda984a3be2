#pragma once
// What a gateway token may be. The token travels as the gRPC metadata value
// "Wechaty <token>", where only printable ASCII (0x20-0x7E) is allowed: the
// C++ library aborts the whole process on anything else, printing the value.
// Every place a token enters (the Add-account dialog, --token-file, the
// keychain) checks it here first, and PuppetClient checks it once more before
// any call. Problems are described without quoting the token: it is a secret.

#include <QString>

namespace gd {

class GatewayToken
{
public:
    // Longer than any real gateway token, well below gRPC's metadata limit.
    static constexpr int kMaxLength = 4096;

    // The token as typed or read from a file, surrounding whitespace removed.
    static QString normalized(const QString &raw);
    // Empty when `token` can be sent as it is; otherwise a sentence for the
    // user (translated) saying what is wrong, never the token itself.
    static QString problem(const QString &token);
    static bool isValid(const QString &token) { return problem(token).isEmpty(); }
};

} // namespace gd

// fuzz-sources: core/store/DatabaseAddress.cpp
// The database address comes from the command line and the settings
// (typed by people, pasted from chats). For any input: nothing crashes; the
// result is exactly one of invalid-with-a-reason, a file path or a server
// address; a server address has a database, a port in range, a known
// sslmode, no password and options that cannot smuggle another libpq
// keyword (every value quoted); its display name parses back to the same
// server.
#include "store/DatabaseAddress.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace gd;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

// Every option is key='value' with ' and \ escaped inside, separated by ';'.
bool optionsWellFormed(const QString &options)
{
    int i = 0;
    const int n = int(options.size());
    while (i < n) {
        while (i < n && options[i] != QLatin1Char('=')) {
            if (!options[i].isLower() && options[i] != QLatin1Char('_'))
                return false;
            ++i;
        }
        if (i + 1 >= n || options[i + 1] != QLatin1Char('\''))
            return false;
        i += 2;
        while (i < n && options[i] != QLatin1Char('\'')) {
            if (options[i] == QLatin1Char('\\'))
                ++i;
            ++i;
        }
        if (i >= n)
            return false;
        ++i; // closing quote
        if (i < n && options[i++] != QLatin1Char(';'))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const DatabaseAddress a = DatabaseAddress::parse(text, &error);
    switch (a.kind()) {
    case DatabaseAddress::Kind::Invalid:
        check(!error.isEmpty(), "a refused address says why");
        return 0;
    case DatabaseAddress::Kind::SqliteFile:
        check(!a.filePath().isEmpty(), "a file has a path");
        check(!DatabaseAddress::looksLikeServer(text), "a server address is never taken as a file");
        return 0;
    case DatabaseAddress::Kind::PostgreSql:
        break;
    }
    check(!a.database().isEmpty(), "a server address names its database");
    check(a.port() >= 0 && a.port() <= 65535, "port in range");
    check(a.sslMode().isEmpty()
              || QStringList({QStringLiteral("disable"), QStringLiteral("allow"),
                              QStringLiteral("prefer"), QStringLiteral("require"),
                              QStringLiteral("verify-ca"), QStringLiteral("verify-full")})
                     .contains(a.sslMode()),
          "a known sslmode");
    check(!a.parameters().contains(QStringLiteral("password")), "no password parameter");
    check(optionsWellFormed(a.connectOptions()), "every option value is quoted");
    for (const QString &v : a.parameters())
        check(!v.contains(QLatin1Char(';')) && !v.isEmpty(), "option values are plain");
    // The display name (no secrets, no extra options) is itself a valid
    // address of the same server.
    QString again;
    const DatabaseAddress b = DatabaseAddress::parse(a.displayName(), &again);
    if (!b.isServer())
        std::fprintf(stderr, "%s -> %s\n", qPrintable(a.displayName()), qPrintable(again));
    check(b.isServer(), "the display name parses");
    check(b.host() == a.host() && b.port() == a.port() && b.database() == a.database()
              && b.user() == a.user() && b.sslMode() == a.sslMode(),
          "the display name names the same server");
    return 0;
}

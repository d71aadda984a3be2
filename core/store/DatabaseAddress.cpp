#include "store/DatabaseAddress.h"

#include <QCoreApplication>
#include <QMutex>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrl>

#include <cctype>

namespace gd {
namespace {

constexpr int kMaxLength = 4096;

QString tr(const char *text)
{
    return QCoreApplication::translate("DatabaseAddress", text);
}

bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

bool hasControlCharacter(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

// %XX escapes decoded as UTF-8; a broken escape, invalid UTF-8 or a
// control character in the result is an error (false), never passed on.
bool percentDecode(const QString &in, QString *out)
{
    const QByteArray raw = in.toUtf8();
    QByteArray bytes;
    bytes.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c != '%') {
            bytes.append(c);
            continue;
        }
        if (i + 2 >= raw.size() || !std::isxdigit(uchar(raw.at(i + 1)))
            || !std::isxdigit(uchar(raw.at(i + 2))))
            return false;
        bytes.append(char(raw.mid(i + 1, 2).toInt(nullptr, 16)));
        i += 2;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    if (decoder.hasError() || hasControlCharacter(decoded))
        return false;
    *out = decoded;
    return true;
}

bool validHostName(const QString &host)
{
    static const QRegularExpression name(QStringLiteral(
        "^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?$"));
    return host.size() <= 253 && name.match(host).hasMatch();
}

bool validIpv6(const QString &host)
{
    static const QRegularExpression v6(QStringLiteral("^[0-9A-Fa-f:.]{2,45}$"));
    return host.contains(QLatin1Char(':')) && v6.match(host).hasMatch();
}

// A port: digits only, 1..65535.
int parsePort(const QString &text)
{
    if (text.isEmpty() || text.size() > 5)
        return 0;
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return 0;
    }
    const int port = text.toInt();
    return port >= 1 && port <= 65535 ? port : 0;
}

const QStringList &sslModes()
{
    static const QStringList modes = {
        QStringLiteral("disable"), QStringLiteral("allow"),     QStringLiteral("prefer"),
        QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full"),
    };
    return modes;
}

const QStringList &knownParameters()
{
    static const QStringList names = {
        QStringLiteral("sslmode"),
        QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"),
        QStringLiteral("sslkey"),
        QStringLiteral("sslcrl"),
        QStringLiteral("connect_timeout"),
        QStringLiteral("application_name"),
        QStringLiteral("host"),
        QStringLiteral("port"),
    };
    return names;
}

struct PasswordBook
{
    QMutex mutex;
    QHash<QString, QString> byLocation;
};

PasswordBook &passwords()
{
    static PasswordBook book;
    return book;
}

} // namespace

bool DatabaseAddress::looksLikeServer(const QString &location)
{
    static const QRegularExpression scheme(QStringLiteral("^\\s*[A-Za-z][A-Za-z0-9+.-]*://"));
    return scheme.match(location).hasMatch();
}

DatabaseAddress DatabaseAddress::parse(const QString &location, QString *error)
{
    DatabaseAddress a;
    const QString text = location.trimmed();
    if (text.isEmpty()) {
        fail(error, tr("No database was given: enter a file path or a postgresql:// address."));
        return a;
    }
    if (text.size() > kMaxLength) {
        fail(error,
             tr("The database address is too long (more than %1 characters).").arg(kMaxLength));
        return a;
    }
    if (!looksLikeServer(text)) {
        if (hasControlCharacter(text)) {
            fail(error, tr("The database file path contains a control character."));
            return a;
        }
        a.m_kind = Kind::SqliteFile;
        a.m_location = text;
        a.m_path = text;
        return a;
    }

    const qsizetype schemeEnd = text.indexOf(QStringLiteral("://"));
    const QString scheme = text.left(schemeEnd).toLower();
    if (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres")) {
        fail(error,
             tr("“%1” databases are not supported: use a file path or a postgresql:// "
                "address.")
                 .arg(scheme));
        return a;
    }
    if (hasControlCharacter(text) || text.contains(QLatin1Char(' '))) {
        fail(error,
             tr("The database address contains a space or a control character; "
                "encode it as %XX."));
        return a;
    }
    QString rest = text.mid(schemeEnd + 3);
    if (rest.contains(QLatin1Char('#'))) {
        fail(error, tr("The database address must not contain “#”."));
        return a;
    }
    QString query;
    if (const qsizetype q = rest.indexOf(QLatin1Char('?')); q >= 0) {
        query = rest.mid(q + 1);
        rest = rest.left(q);
    }
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash < 0 || slash == rest.size() - 1) {
        fail(error, tr("The database address names no database (…/name at its end)."));
        return a;
    }
    const QString authority = rest.left(slash);
    QString database;
    if (!percentDecode(rest.mid(slash + 1), &database) || database.isEmpty()
        || database.contains(QLatin1Char('/')) || database.size() > 63) {
        fail(error, tr("The database name in the address is not valid."));
        return a;
    }

    QString hostPort = authority;
    QString user;
    if (const qsizetype at = authority.lastIndexOf(QLatin1Char('@')); at >= 0) {
        const QString userInfo = authority.left(at);
        hostPort = authority.mid(at + 1);
        if (userInfo.contains(QLatin1Char(':'))) {
            fail(error,
                 tr("The database address contains a password. Remove it: GroupDesk "
                    "keeps the password in the system keychain."));
            return a;
        }
        if (!percentDecode(userInfo, &user) || user.isEmpty() || user.size() > 63) {
            fail(error, tr("The user name in the database address is not valid."));
            return a;
        }
    }
    if (hostPort.contains(QLatin1Char(','))) {
        fail(error, tr("The database address lists several hosts; give exactly one."));
        return a;
    }
    QString host;
    QString portText;
    bool portGiven = false;
    if (hostPort.startsWith(QLatin1Char('['))) {
        const qsizetype close = hostPort.indexOf(QLatin1Char(']'));
        if (close < 0) {
            fail(error, tr("The database address has “[” without “]” around its host."));
            return a;
        }
        host = hostPort.mid(1, close - 1);
        const QString after = hostPort.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':'))) {
                fail(error, tr("The host in the database address is not valid."));
                return a;
            }
            portText = after.mid(1);
            portGiven = true;
        }
        if (!validIpv6(host)) {
            fail(error, tr("The host in the database address is not valid."));
            return a;
        }
    } else {
        const qsizetype colon = hostPort.indexOf(QLatin1Char(':'));
        QString encodedHost = hostPort;
        if (colon >= 0) {
            encodedHost = hostPort.left(colon);
            portText = hostPort.mid(colon + 1);
            portGiven = true;
        }
        if (!percentDecode(encodedHost, &host)) {
            fail(error, tr("The host in the database address is not valid."));
            return a;
        }
        // A socket directory ("%2Frun%2Fpostgresql"), or a host name / IPv4.
        if (!host.isEmpty() && !host.startsWith(QLatin1Char('/')) && !validHostName(host)) {
            fail(error, tr("The host in the database address is not valid."));
            return a;
        }
    }
    // A unix socket path holds about 107 bytes, the file name included.
    if (host.startsWith(QLatin1Char('/')) && host.toUtf8().size() > 90) {
        fail(error, tr("The socket directory in the database address is too long."));
        return a;
    }
    int port = 0;
    if (portGiven && (port = parsePort(portText)) == 0) {
        fail(error, tr("The port in the database address must be a number from 1 to 65535."));
        return a;
    }

    QHash<QString, QString> parameters;
    if (!query.isEmpty()) {
        for (const QString &pair : query.split(QLatin1Char('&'))) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            QString key;
            QString value;
            if (eq <= 0 || !percentDecode(pair.left(eq), &key)
                || !percentDecode(pair.mid(eq + 1), &value)) {
                fail(error, tr("The database address has a parameter that is not name=value."));
                return a;
            }
            if (key == QLatin1String("password") || key == QLatin1String("passfile")) {
                fail(error,
                     tr("The database address contains a password. Remove it: GroupDesk "
                        "keeps the password in the system keychain."));
                return a;
            }
            if (!knownParameters().contains(key)) {
                fail(error, tr("The database address has an unknown parameter “%1”.").arg(key));
                return a;
            }
            if (parameters.contains(key)) {
                fail(error, tr("The database address gives “%1” twice.").arg(key));
                return a;
            }
            // Qt passes options separated by ';'.
            if (value.isEmpty() || value.contains(QLatin1Char(';')) || value.size() > 1024) {
                fail(error, tr("The value of “%1” in the database address is not valid.").arg(key));
                return a;
            }
            parameters.insert(key, value);
        }
    }
    if (parameters.contains(QStringLiteral("sslmode"))
        && !sslModes().contains(parameters.value(QStringLiteral("sslmode")))) {
        fail(error, tr("sslmode must be one of: %1.").arg(sslModes().join(QStringLiteral(", "))));
        return a;
    }
    if (parameters.contains(QStringLiteral("connect_timeout"))) {
        const QString t = parameters.value(QStringLiteral("connect_timeout"));
        bool ok = t.size() <= 4;
        for (QChar c : t)
            ok = ok && c >= QLatin1Char('0') && c <= QLatin1Char('9');
        if (!ok || t.toInt() > 3600) {
            fail(error, tr("connect_timeout must be a number of seconds from 0 to 3600."));
            return a;
        }
    }
    if (const QString h = parameters.take(QStringLiteral("host")); !h.isEmpty()) {
        if (!host.isEmpty()) {
            fail(error, tr("The database address gives “%1” twice.").arg(QStringLiteral("host")));
            return a;
        }
        if (!h.startsWith(QLatin1Char('/')) && !validHostName(h)) {
            fail(error, tr("The host in the database address is not valid."));
            return a;
        }
        if (h.startsWith(QLatin1Char('/')) && h.toUtf8().size() > 90) {
            fail(error, tr("The socket directory in the database address is too long."));
            return a;
        }
        host = h;
    }
    if (const QString p = parameters.take(QStringLiteral("port")); !p.isEmpty()) {
        if (port != 0) {
            fail(error, tr("The database address gives “%1” twice.").arg(QStringLiteral("port")));
            return a;
        }
        port = parsePort(p);
        if (port == 0) {
            fail(error, tr("The port in the database address must be a number from 1 to 65535."));
            return a;
        }
    }

    a.m_kind = Kind::PostgreSql;
    a.m_location = text;
    a.m_host = host;
    a.m_port = port;
    a.m_user = user;
    a.m_database = database;
    a.m_parameters = parameters;
    return a;
}

QString DatabaseAddress::driver() const
{
    switch (m_kind) {
    case Kind::SqliteFile:
        return QStringLiteral("QSQLITE");
    case Kind::PostgreSql:
        return QStringLiteral("QPSQL");
    case Kind::Invalid:
        break;
    }
    return QString();
}

QString DatabaseAddress::connectOptions() const
{
    if (m_kind == Kind::SqliteFile)
        return QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000");
    if (m_kind != Kind::PostgreSql)
        return QString();
    QHash<QString, QString> options = m_parameters;
    // A server that does not answer must not hang the start for minutes.
    if (!options.contains(QStringLiteral("connect_timeout")))
        options.insert(QStringLiteral("connect_timeout"), QStringLiteral("10"));
    QStringList keys = options.keys();
    keys.sort();
    QStringList out;
    for (const QString &key : std::as_const(keys)) {
        QString value = options.value(key);
        value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        value.replace(QLatin1Char('\''), QLatin1String("\\'"));
        out << QStringLiteral("%1='%2'").arg(key, value);
    }
    return out.join(QLatin1Char(';'));
}

QString DatabaseAddress::displayName() const
{
    if (m_kind != Kind::PostgreSql)
        return m_path;
    // Encoded like the input, so the name is itself a valid address.
    const auto encode
        = [](const QString &s) { return QString::fromLatin1(QUrl::toPercentEncoding(s)); };
    QString out = QStringLiteral("postgresql://");
    if (!m_user.isEmpty())
        out += encode(m_user) + QLatin1Char('@');
    if (m_host.contains(QLatin1Char(':')) && !m_host.startsWith(QLatin1Char('/')))
        out += QLatin1Char('[') + m_host + QLatin1Char(']');
    else
        out += encode(m_host);
    if (m_port)
        out += QLatin1Char(':') + QString::number(m_port);
    out += QLatin1Char('/') + encode(m_database);
    if (!sslMode().isEmpty())
        out += QStringLiteral("?sslmode=") + sslMode();
    return out;
}

void DatabaseAddress::setPassword(const QString &location, const QString &password)
{
    PasswordBook &book = passwords();
    QMutexLocker lock(&book.mutex);
    book.byLocation.insert(location.trimmed(), password);
}

QString DatabaseAddress::passwordFor(const QString &location)
{
    PasswordBook &book = passwords();
    QMutexLocker lock(&book.mutex);
    return book.byLocation.value(location.trimmed());
}

} // namespace gd

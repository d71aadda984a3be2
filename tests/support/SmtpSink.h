#pragma once
// The local SMTP server of the mail tests: tests/integration/smtp_sink.py
// (aiosmtpd on loopback) with a login, writing every mail it receives as an
// .eml file into a directory. And the SMTP password put into the keychain,
// as the settings dialog does.

#include "util/SecretStore.h"

#include <QDir>
#include <QProcess>
#include <QStringList>
#include <QTest>

#include <optional>

namespace gd::testsupport {

class SmtpSink
{
public:
    SmtpSink() = default;
    SmtpSink(const SmtpSink &) = delete;
    SmtpSink &operator=(const SmtpSink &) = delete;
    ~SmtpSink() { stop(); }

    // Starts the sink on `port`, accepting `user` with `password`, writing
    // into `mailDir` (made if missing). Empty when it is ready, otherwise
    // what went wrong (its stderr when it exited).
    QString start(quint16 port, const QString &mailDir, const QString &user,
                  const QString &password)
    {
        m_port = port;
        m_mailDir = mailDir;
        QDir().mkpath(mailDir);
        m_process.start(QStringLiteral("/usr/bin/python3"),
                        {QStringLiteral(GD_SOURCE_DIR "/tests/integration/smtp_sink.py"),
                         QStringLiteral("--port"), QString::number(port), QStringLiteral("--dir"),
                         mailDir, QStringLiteral("--user"), user, QStringLiteral("--password"),
                         password});
        if (!m_process.waitForStarted(5000))
            return QStringLiteral("the SMTP sink did not start: ") + m_process.errorString();
        QByteArray out;
        const bool settled = QTest::qWaitFor(
            [&] {
                out += m_process.readAllStandardOutput();
                return out.contains("ready") || m_process.state() != QProcess::Running;
            },
            10000);
        if (m_process.state() != QProcess::Running)
            return QString::fromLocal8Bit(m_process.readAllStandardError());
        if (!settled)
            return QStringLiteral("the SMTP sink was not ready within 10 s");
        return {};
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel();
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    quint16 port() const { return m_port; }
    QString mailDir() const { return m_mailDir; }
    // The file names of the mails received so far, oldest first.
    QStringList mails() const
    {
        return QDir(m_mailDir).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
    QString m_mailDir;
};

// Writes `password` into the keychain as the SMTP password: true when it is
// written, false when this session has no keychain, nothing when the
// keychain did not answer within 10 s.
inline std::optional<bool> storeSmtpPassword(const QString &password)
{
    SecretStore secrets;
    bool done = false;
    bool written = false;
    secrets.writeSecret(SecretStore::smtpPasswordKey(), password, [&](bool ok, const QString &) {
        written = ok;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        return std::nullopt;
    return written;
}

} // namespace gd::testsupport

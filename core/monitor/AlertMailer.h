#pragma once
// E-mail for the alerts that cannot wait: offline bots (and their return)
// and alerts at or above a severity (Critical by default). Alerts that fire
// close together are batched: the first one opens a short window, and
// everything raised in it goes out as one message (a digest when there are
// several), so a burst of 50 alerts is one e-mail, not 50. Sending runs on
// a worker thread (libcurl); the password comes from the keychain through
// the provider, just before each send.

#include "monitor/Alert.h"
#include "monitor/SmtpMailer.h"

#include <QObject>
#include <QTimer>
#include <QVector>

#include <functional>

class QSettings;

namespace gd {

class AlertMonitor;

struct AlertMailSettings
{
    bool enabled = false;
    SmtpSettings smtp;
    AlertSeverity minSeverity = AlertSeverity::Critical;
    int digestWindowMs = 20000; // alerts within this long of the first go out together

    // Keys under "mail/": enabled, host, port, tls (none|starttls|tls),
    // user, from, to (comma-separated), caFile, minSeverity, digestWindowMs.
    // Never a password: that lives in the keychain.
    static AlertMailSettings load(QSettings &settings);
    void save(QSettings &settings) const;
};

class AlertMailer : public QObject
{
    Q_OBJECT
public:
    // Asks for the SMTP password; calls back with it (ok false: none/error).
    using PasswordProvider
        = std::function<void(std::function<void(bool ok, QString password, QString error)>)>;

    AlertMailer(AlertMonitor *monitor, const AlertMailSettings &settings,
                PasswordProvider passwords, QObject *parent = nullptr);

    void setSettings(const AlertMailSettings &settings);
    // Whether the alert is worth an e-mail under the settings.
    bool wants(const Alert &alert) const;
    // Adds an alert to the current batch (monitor alerts arrive here).
    void add(const Alert &alert);

    // The subject and body of one batch (one alert, or a digest).
    static QString subjectFor(const QVector<Alert> &alerts);
    static QString bodyFor(const QVector<Alert> &alerts);

signals:
    void mailSent(int alertCount, const QString &subject);
    void mailFailed(const QString &error);

private:
    void sendBatch();

    AlertMailSettings m_settings;
    PasswordProvider m_passwords;
    QVector<Alert> m_pending;
    QTimer m_window;
    bool m_sending = false;
};

} // namespace gd

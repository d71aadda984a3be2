#include "monitor/AlertMailer.h"

#include "monitor/AlertMonitor.h"
#include "monitor/AlertText.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QThreadPool>

namespace gd {
namespace {

QString tlsName(SmtpSettings::Tls tls)
{
    switch (tls) {
    case SmtpSettings::Tls::None:
        return QStringLiteral("none");
    case SmtpSettings::Tls::StartTls:
        return QStringLiteral("starttls");
    case SmtpSettings::Tls::Implicit:
        return QStringLiteral("tls");
    }
    return QStringLiteral("starttls");
}

} // namespace

AlertMailSettings AlertMailSettings::load(QSettings &s)
{
    AlertMailSettings m;
    s.beginGroup(QStringLiteral("mail"));
    m.enabled = s.value(QStringLiteral("enabled"), false).toBool();
    m.smtp.host = s.value(QStringLiteral("host")).toString().trimmed();
    m.smtp.port = s.value(QStringLiteral("port"), 587).toInt();
    const QString tls = s.value(QStringLiteral("tls"), QStringLiteral("starttls")).toString();
    m.smtp.tls = tls == QLatin1String("none") ? SmtpSettings::Tls::None
        : tls == QLatin1String("tls")         ? SmtpSettings::Tls::Implicit
                                              : SmtpSettings::Tls::StartTls;
    m.smtp.user = s.value(QStringLiteral("user")).toString().trimmed();
    m.smtp.from = s.value(QStringLiteral("from")).toString().trimmed();
    for (const QString &t :
         s.value(QStringLiteral("to")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        m.smtp.to.append(t.trimmed());
    m.smtp.caFile = s.value(QStringLiteral("caFile")).toString();
    m.minSeverity = AlertSeverity(std::clamp(
        s.value(QStringLiteral("minSeverity"), int(AlertSeverity::Critical)).toInt(), 0, 3));
    m.digestWindowMs
        = std::clamp(s.value(QStringLiteral("digestWindowMs"), 20000).toInt(), 100, 600000);
    s.endGroup();
    return m;
}

void AlertMailSettings::save(QSettings &s) const
{
    s.beginGroup(QStringLiteral("mail"));
    s.setValue(QStringLiteral("enabled"), enabled);
    s.setValue(QStringLiteral("host"), smtp.host);
    s.setValue(QStringLiteral("port"), smtp.port);
    s.setValue(QStringLiteral("tls"), tlsName(smtp.tls));
    s.setValue(QStringLiteral("user"), smtp.user);
    s.setValue(QStringLiteral("from"), smtp.from);
    s.setValue(QStringLiteral("to"), smtp.to.join(QStringLiteral(", ")));
    s.setValue(QStringLiteral("caFile"), smtp.caFile);
    s.setValue(QStringLiteral("minSeverity"), int(minSeverity));
    s.setValue(QStringLiteral("digestWindowMs"), digestWindowMs);
    s.endGroup();
}

AlertMailer::AlertMailer(AlertMonitor *monitor, const AlertMailSettings &settings,
                         PasswordProvider passwords, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_passwords(std::move(passwords))
{
    m_window.setSingleShot(true);
    connect(&m_window, &QTimer::timeout, this, &AlertMailer::sendBatch);
    if (monitor)
        connect(monitor, &AlertMonitor::alertRaised, this, &AlertMailer::add);
}

void AlertMailer::setSettings(const AlertMailSettings &settings)
{
    m_settings = settings;
}

bool AlertMailer::wants(const Alert &a) const
{
    if (!m_settings.enabled || !m_settings.smtp.isComplete() || !a.isActive())
        return false;
    if (a.kind == AlertKind::BotOffline || a.kind == AlertKind::BotBack)
        return true;
    return int(a.severity) >= int(m_settings.minSeverity);
}

void AlertMailer::add(const Alert &alert)
{
    if (!wants(alert))
        return;
    m_pending.append(alert);
    if (!m_window.isActive() && !m_sending)
        m_window.start(m_settings.digestWindowMs);
}

QString AlertMailer::subjectFor(const QVector<Alert> &alerts)
{
    if (alerts.size() == 1) {
        const Alert &a = alerts.first();
        return QCoreApplication::translate("AlertMailer", "[GroupDesk] %1: %2")
            .arg(AlertText::severityText(a.severity), AlertText::summary(a).left(120));
    }
    int critical = 0;
    for (const Alert &a : alerts) {
        if (a.severity == AlertSeverity::Critical)
            ++critical;
    }
    return QCoreApplication::translate("AlertMailer", "[GroupDesk] %n alert(s), %1 critical",
                                       nullptr, int(alerts.size()))
        .arg(critical);
}

QString AlertMailer::bodyFor(const QVector<Alert> &alerts)
{
    QStringList lines;
    if (alerts.size() > 1)
        lines << QCoreApplication::translate(
            "AlertMailer", "%n alert(s) were raised at about the same time:", nullptr,
            int(alerts.size()))
              << QString();
    for (const Alert &a : alerts) {
        const QString when
            = QLocale().toString(QDateTime::fromMSecsSinceEpoch(a.createdMs), QLocale::ShortFormat);
        lines << QCoreApplication::translate("AlertMailer", "%1  %2 · %3")
                     .arg(when, AlertText::severityText(a.severity), AlertText::kindText(a.kind));
        lines << QStringLiteral("    ") + AlertText::summary(a);
        if (!a.ruleName.isEmpty())
            lines << QStringLiteral("    ")
                    + QCoreApplication::translate("AlertMailer", "Rule: %1").arg(a.ruleName);
    }
    lines << QString()
          << QCoreApplication::translate("AlertMailer",
                                         "Open GroupDesk's alert inbox to acknowledge, assign "
                                         "or resolve them.");
    return lines.join(QLatin1Char('\n'));
}

void AlertMailer::sendBatch()
{
    if (m_pending.isEmpty() || m_sending)
        return;
    const QVector<Alert> batch = m_pending;
    m_pending.clear();
    m_sending = true;
    const QString subject = subjectFor(batch);
    const QString body = bodyFor(batch);
    const SmtpSettings smtp = m_settings.smtp;
    QPointer<AlertMailer> guard(this);
    auto send = [guard, smtp, subject, body, count = int(batch.size())](const QString &password) {
        QThreadPool::globalInstance()->start([guard, smtp, subject, body, count, password] {
            QString error;
            const bool ok = SmtpMailer::send(smtp, password, subject, body, &error);
            if (!guard)
                return;
            QMetaObject::invokeMethod(
                guard.data(),
                [guard, ok, error, subject, count] {
                    if (!guard)
                        return;
                    AlertMailer *self = guard.data();
                    self->m_sending = false;
                    if (ok)
                        emit self->mailSent(count, subject);
                    else
                        emit self->mailFailed(error);
                    // Alerts that came in while this one was sent: the next batch.
                    if (!self->m_pending.isEmpty() && !self->m_window.isActive())
                        self->m_window.start(self->m_settings.digestWindowMs);
                },
                Qt::QueuedConnection);
        });
    };
    if (smtp.user.isEmpty() || !m_passwords) {
        send({});
        return;
    }
    m_passwords([guard, send](bool ok, const QString &password, const QString &error) {
        if (!guard)
            return;
        if (!ok) {
            qCWarning(lcEngine) << "no SMTP password:" << error;
            guard->m_sending = false;
            emit guard->mailFailed(
                QCoreApplication::translate("AlertMailer",
                                            "The e-mail password could not be read "
                                            "from the keychain: %1")
                    .arg(error));
            return;
        }
        send(password);
    });
}

} // namespace gd

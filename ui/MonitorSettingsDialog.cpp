#include "MonitorSettingsDialog.h"

#include "AlertInbox.h"
#include "monitor/AlertText.h"
#include "util/SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QThreadPool>
#include <QVBoxLayout>

namespace gd {

MonitorSettingsDialog::MonitorSettingsDialog(AlertMailer *mailer, SecretStore *secrets,
                                             QWidget *parent)
    : QDialog(parent)
    , m_mailer(mailer)
    , m_secrets(secrets)
{
    setWindowTitle(tr("Monitoring settings"));
    QSettings settings;
    const AlertMailSettings mail = AlertMailSettings::load(settings);

    m_deskUser = new QLineEdit(AlertInbox::deskUser(), this);
    auto *desk = new QFormLayout;
    desk->addRow(tr("Your name at this desk"), m_deskUser);

    m_enabled = new QCheckBox(tr("Send e-mail for offline bots and severe alerts"), this);
    m_enabled->setChecked(mail.enabled);
    m_host = new QLineEdit(mail.smtp.host, this);
    m_host->setPlaceholderText(tr("smtp.example.com"));
    m_port = new QSpinBox(this);
    m_port->setRange(1, 65535);
    m_port->setValue(mail.smtp.port);
    m_tls = new QComboBox(this);
    m_tls->addItem(tr("STARTTLS"), int(SmtpSettings::Tls::StartTls));
    m_tls->addItem(tr("TLS (SMTPS)"), int(SmtpSettings::Tls::Implicit));
    m_tls->addItem(tr("None (trusted network only)"), int(SmtpSettings::Tls::None));
    m_tls->setCurrentIndex(m_tls->findData(int(mail.smtp.tls)));
    m_user = new QLineEdit(mail.smtp.user, this);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Kept in the keychain; empty leaves it unchanged"));
    m_from = new QLineEdit(mail.smtp.from, this);
    m_to = new QLineEdit(mail.smtp.to.join(QStringLiteral(", ")), this);
    m_to->setPlaceholderText(tr("lead@example.com, duty@example.com"));
    m_severity = new QComboBox(this);
    for (AlertSeverity s : {AlertSeverity::Warning, AlertSeverity::High, AlertSeverity::Critical})
        m_severity->addItem(AlertText::severityText(s), int(s));
    m_severity->setCurrentIndex(qMax(0, m_severity->findData(int(mail.minSeverity))));
    auto *mailForm = new QFormLayout;
    mailForm->addRow(m_enabled);
    mailForm->addRow(tr("SMTP server"), m_host);
    mailForm->addRow(tr("Port"), m_port);
    mailForm->addRow(tr("Encryption"), m_tls);
    mailForm->addRow(tr("User"), m_user);
    mailForm->addRow(tr("Password"), m_password);
    mailForm->addRow(tr("From"), m_from);
    mailForm->addRow(tr("To"), m_to);
    mailForm->addRow(tr("E-mail alerts from"), m_severity);
    auto *mailBox = new QGroupBox(tr("Alert e-mail"), this);
    mailBox->setLayout(mailForm);

    m_test = new QPushButton(tr("Send test e-mail"), this);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    connect(m_test, &QPushButton::clicked, this, &MonitorSettingsDialog::sendTest);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(desk);
    layout->addWidget(mailBox);
    layout->addWidget(m_test, 0, Qt::AlignLeft);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
}

AlertMailSettings MonitorSettingsDialog::formSettings() const
{
    QSettings settings;
    AlertMailSettings m = AlertMailSettings::load(settings); // keeps the digest window
    m.enabled = m_enabled->isChecked();
    m.smtp.host = m_host->text().trimmed();
    m.smtp.port = m_port->value();
    m.smtp.tls = SmtpSettings::Tls(m_tls->currentData().toInt());
    m.smtp.user = m_user->text().trimmed();
    m.smtp.from = m_from->text().trimmed();
    m.smtp.to.clear();
    for (const QString &t : m_to->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        m.smtp.to.append(t.trimmed());
    m.minSeverity = AlertSeverity(m_severity->currentData().toInt());
    return m;
}

void MonitorSettingsDialog::save()
{
    QSettings settings;
    const QString name = m_deskUser->text().trimmed();
    if (name.isEmpty())
        settings.remove(QStringLiteral("monitor/deskUser"));
    else
        settings.setValue(QStringLiteral("monitor/deskUser"), name);
    const AlertMailSettings mail = formSettings();
    mail.save(settings);
    if (m_mailer)
        m_mailer->setSettings(mail);
    if (!m_password->text().isEmpty() && m_secrets) {
        QPointer<MonitorSettingsDialog> guard(this);
        m_secrets->writeSecret(SecretStore::smtpPasswordKey(), m_password->text(),
                               [guard](bool ok, const QString &error) {
                                   if (!ok && guard)
                                       guard->m_status->setText(
                                           tr("The password could not be saved in the "
                                              "keychain: %1")
                                               .arg(error));
                               });
    }
}

void MonitorSettingsDialog::sendTest()
{
    const AlertMailSettings mail = formSettings();
    m_test->setEnabled(false);
    m_status->setText(tr("Sending…"));
    QPointer<MonitorSettingsDialog> guard(this);
    auto send = [guard, mail](const QString &password) {
        const QString subject = tr("[GroupDesk] Test e-mail");
        const QString body = tr("Alert e-mail from GroupDesk works.");
        QThreadPool::globalInstance()->start([guard, mail, password, subject, body] {
            QString error;
            const bool ok = SmtpMailer::send(mail.smtp, password, subject, body, &error);
            QMetaObject::invokeMethod(
                qApp,
                [guard, ok, error] {
                    if (!guard)
                        return;
                    guard->m_test->setEnabled(true);
                    const QString text = ok ? tr("The test e-mail was sent.") : error;
                    guard->m_status->setText(text);
                    emit guard->testFinished(ok, text);
                },
                Qt::QueuedConnection);
        });
    };
    if (!m_password->text().isEmpty() || mail.smtp.user.isEmpty() || !m_secrets) {
        send(m_password->text());
        return;
    }
    m_secrets->readSecret(
        SecretStore::smtpPasswordKey(),
        [send](bool, const QString &password, const QString &) { send(password); });
}

} // namespace gd

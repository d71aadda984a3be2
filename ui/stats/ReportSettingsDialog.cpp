#include "stats/ReportSettingsDialog.h"

#include "monitor/AlertMailer.h"
#include "stats/ReportScheduler.h"
#include "util/SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gd {

ReportSettingsDialog::ReportSettingsDialog(StatsService *service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_secrets(std::make_unique<SecretStore>())
{
    setWindowTitle(tr("Scheduled reports"));
    QSettings stored;
    const ReportSettings s = ReportSettings::load(stored);
    const SmtpSettings smtp = AlertMailSettings::load(stored).smtp;

    m_enabled = new QCheckBox(tr("Send a statistics report by e-mail"), this);
    m_enabled->setChecked(s.enabled);
    m_frequency = new QComboBox(this);
    m_frequency->addItem(tr("Every day (yesterday's figures)"),
                         int(ReportSettings::Frequency::Daily));
    m_frequency->addItem(tr("Every Monday (last week's figures)"),
                         int(ReportSettings::Frequency::Weekly));
    m_frequency->setCurrentIndex(m_frequency->findData(int(s.frequency)));
    m_hour = new QSpinBox(this);
    m_hour->setRange(0, 23);
    m_hour->setSuffix(tr(":00"));
    m_hour->setValue(s.hour);
    m_words = new QSpinBox(this);
    m_words->setRange(0, 100);
    m_words->setSpecialValueText(tr("None"));
    m_words->setValue(s.topWords);
    m_mailInfo = new QLabel(this);
    m_mailInfo->setTextFormat(Qt::PlainText);
    m_mailInfo->setWordWrap(true);
    m_mailInfo->setText(smtp.isComplete()
                            ? tr("Sent to %1 through %2, as set in the monitoring e-mail settings.")
                                  .arg(smtp.to.join(QStringLiteral(", ")), smtp.host)
                            : tr("E-mail is not set up yet: set the server and recipients in the "
                                 "monitoring settings (alert inbox) first."));
    m_sendNow = new QPushButton(tr("Send a report now"), this);
    m_sendNow->setEnabled(smtp.isComplete());
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(m_enabled);
    form->addRow(tr("How often:"), m_frequency);
    form->addRow(tr("From:"), m_hour);
    form->addRow(tr("Most frequent words listed:"), m_words);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_sendNow, &QPushButton::clicked, this, &ReportSettingsDialog::sendNow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_mailInfo);
    layout->addWidget(m_sendNow, 0, Qt::AlignLeft);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
}

ReportSettingsDialog::~ReportSettingsDialog() = default;

ReportSettings ReportSettingsDialog::settings() const
{
    ReportSettings s;
    s.enabled = m_enabled->isChecked();
    s.frequency = ReportSettings::Frequency(m_frequency->currentData().toInt());
    s.hour = m_hour->value();
    s.topWords = m_words->value();
    return s;
}

void ReportSettingsDialog::accept()
{
    QSettings stored;
    settings().save(stored);
    QDialog::accept();
}

void ReportSettingsDialog::sendNow()
{
    if (!m_trial) {
        m_trial = std::make_unique<ReportScheduler>(m_service, [this](auto done) {
            m_secrets->readSecret(SecretStore::smtpPasswordKey(),
                                  [done](bool ok, const QString &password, const QString &error) {
                                      done(ok, password, error);
                                  });
        });
        connect(m_trial.get(), &ReportScheduler::reportSent, this, [this](const QString &subject) {
            m_sendNow->setEnabled(true);
            m_status->setText(tr("Sent: %1").arg(subject));
        });
        connect(m_trial.get(), &ReportScheduler::reportFailed, this, [this](const QString &error) {
            m_sendNow->setEnabled(true);
            m_status->setText(tr("Not sent: %1").arg(error));
        });
    }
    QSettings stored;
    m_trial->setSettings(settings(), AlertMailSettings::load(stored).smtp);
    m_sendNow->setEnabled(false);
    m_status->setText(tr("Sending…"));
    m_trial->sendNow();
}

} // namespace gd

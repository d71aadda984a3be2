#include "ApiAppDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace gd {

namespace {

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList out;
    for (const QString &line : edit->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            out.append(line.trimmed());
    }
    return out;
}

} // namespace

ApiAppDialog::ApiAppDialog(const api::ApiApp &app, bool issuing, QWidget *parent)
    : QDialog(parent)
    , m_app(app)
    , m_name(new QLineEdit(app.name, this))
    , m_read(new QCheckBox(tr("Read accounts, groups, contacts, messages and alerts"), this))
    , m_send(new QCheckBox(tr("Send texts and pictures"), this))
    , m_alerts(new QCheckBox(tr("Acknowledge and resolve alerts"), this))
    , m_accounts(new QPlainTextEdit(app.accountIds.join(QLatin1Char('\n')), this))
    , m_groups(new QPlainTextEdit(app.groupIds.join(QLatin1Char('\n')), this))
    , m_rate(new QSpinBox(this))
    , m_webhook(new QLineEdit(app.webhookUrl, this))
    , m_hookMessages(new QCheckBox(tr("Incoming messages"), this))
    , m_hookAlerts(new QCheckBox(tr("Alerts"), this))
    , m_hookSends(new QCheckBox(tr("Results of its sends"), this))
{
    setWindowTitle(issuing ? tr("Issue an API app") : tr("Edit API app"));
    m_name->setObjectName(QStringLiteral("name"));
    m_webhook->setObjectName(QStringLiteral("webhook"));
    m_read->setChecked(app.canRead);
    m_send->setChecked(app.canSend);
    m_alerts->setChecked(app.canAlerts);
    m_accounts->setPlaceholderText(tr("Account ids, one a line; empty: every account"));
    m_groups->setPlaceholderText(tr("Group or contact ids, one a line; empty: all of them"));
    m_accounts->setMaximumHeight(70);
    m_groups->setMaximumHeight(90);
    m_rate->setRange(1, 100000);
    m_rate->setValue(app.ratePerMinute);
    m_rate->setSuffix(tr(" requests a minute"));
    m_webhook->setPlaceholderText(tr("https://example.com/hook (empty: no webhook)"));
    m_hookMessages->setChecked(app.webhookEvents & api::WebhookMessages);
    m_hookAlerts->setChecked(app.webhookEvents & api::WebhookAlerts);
    m_hookSends->setChecked(app.webhookEvents & api::WebhookSends);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("May:"), m_read);
    form->addRow(QString(), m_send);
    form->addRow(QString(), m_alerts);
    form->addRow(tr("Accounts:"), m_accounts);
    form->addRow(tr("Groups:"), m_groups);
    form->addRow(tr("Rate limit:"), m_rate);
    form->addRow(tr("Webhook URL:"), m_webhook);
    form->addRow(tr("Webhook events:"), m_hookMessages);
    form->addRow(QString(), m_hookAlerts);
    form->addRow(QString(), m_hookSends);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(issuing ? tr("Issue") : tr("Save"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(m_name, &QLineEdit::textChanged, this, &ApiAppDialog::validate);
    connect(m_webhook, &QLineEdit::textChanged, this, &ApiAppDialog::validate);
    validate();
}

void ApiAppDialog::validate()
{
    const QString hook = m_webhook->text().trimmed();
    const QUrl url(hook, QUrl::StrictMode);
    const bool hookOk = hook.isEmpty()
        || (url.isValid() && !url.host().isEmpty()
            && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")));
    m_webhook->setToolTip(hookOk ? QString() : tr("Give an http or https URL."));
    m_ok->setEnabled(!m_name->text().trimmed().isEmpty() && hookOk);
}

api::ApiApp ApiAppDialog::app() const
{
    api::ApiApp a = m_app;
    a.name = m_name->text().trimmed();
    a.canRead = m_read->isChecked();
    a.canSend = m_send->isChecked();
    a.canAlerts = m_alerts->isChecked();
    a.accountIds = lines(m_accounts);
    a.groupIds = lines(m_groups);
    a.ratePerMinute = m_rate->value();
    a.webhookUrl = m_webhook->text().trimmed();
    a.webhookEvents = (m_hookMessages->isChecked() ? api::WebhookMessages : 0)
        | (m_hookAlerts->isChecked() ? api::WebhookAlerts : 0)
        | (m_hookSends->isChecked() ? api::WebhookSends : 0);
    return a;
}

} // namespace gd

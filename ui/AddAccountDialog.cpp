#include "AddAccountDialog.h"

#include "gateway/GatewayToken.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace gd {

AddAccountDialog::AddAccountDialog(const QStringList &existingIds, QWidget *parent)
    : QDialog(parent)
    , m_existingIds(existingIds)
    , m_name(new QLineEdit(this))
    , m_endpoint(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_tls(new QCheckBox(tr("Use TLS"), this))
    , m_caFile(new QLineEdit(this))
    , m_browseCa(new QPushButton(tr("Browse…"), this))
    , m_serverName(new QLineEdit(this))
    , m_demo(new QCheckBox(
          tr("Use the demo gateway (a simulated WeChat, for trying GroupDesk out)"), this))
    , m_gatewayBox(new QWidget(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Add bot account"));
    setMinimumWidth(480);

    m_name->setPlaceholderText(tr("e.g. After-sales bot 1"));
    m_endpoint->setPlaceholderText(tr("host:port, e.g. 10.0.0.5:8788"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("The gateway's token"));
    m_tls->setChecked(true);
    m_caFile->setPlaceholderText(tr("Optional: PEM file of the gateway's CA"));
    m_serverName->setPlaceholderText(tr("Optional: e.g. insecure"));
    m_error->setObjectName(QStringLiteral("composerError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *caRow = new QHBoxLayout;
    caRow->setContentsMargins(0, 0, 0, 0);
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browseCa);

    auto *gatewayForm = new QFormLayout(m_gatewayBox);
    gatewayForm->setContentsMargins(0, 0, 0, 0);
    gatewayForm->addRow(tr("Gateway endpoint:"), m_endpoint);
    gatewayForm->addRow(tr("Token:"), m_token);
    gatewayForm->addRow(QString(), m_tls);
    gatewayForm->addRow(tr("CA file:"), caRow);
    gatewayForm->addRow(tr("TLS server name:"), m_serverName);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    m_okButton->setText(tr("Add account"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AddAccountDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AddAccountDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_demo);
    layout->addWidget(m_gatewayBox);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_demo, &QCheckBox::toggled, this, &AddAccountDialog::updateEnabled);
    // A shown problem is re-checked as the user types: it goes away once
    // fixed (or the next one shows), never lingers.
    for (QLineEdit *edit : {m_name, m_endpoint, m_token, m_caFile, m_serverName}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            if (!m_error->isHidden())
                validate();
        });
    }
    for (QCheckBox *box : {m_demo, m_tls}) {
        connect(box, &QCheckBox::toggled, this, [this] {
            if (!m_error->isHidden())
                validate();
        });
    }
    connect(m_tls, &QCheckBox::toggled, this, &AddAccountDialog::updateEnabled);
    connect(m_browseCa, &QPushButton::clicked, this, [this] {
        const QString file
            = QFileDialog::getOpenFileName(this, tr("Choose the CA certificate"), QString(),
                                           tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    updateEnabled();
}

void AddAccountDialog::setEditedAccount(const AccountInfo &account)
{
    m_editId = account.id;
    m_editDemo = account.demo;
    setWindowTitle(tr("Edit account"));
    m_okButton->setText(tr("Save and reconnect"));
    m_demo->setChecked(false);
    m_demo->hide();
    m_name->setText(account.displayName);
    m_endpoint->setText(account.endpoint);
    m_tls->setChecked(account.tls);
    m_caFile->setText(account.caFile);
    m_serverName->setText(account.serverName);
    m_token->clear();
    m_token->setPlaceholderText(tr("Leave empty to keep the saved token"));
    updateEnabled();
}

void AddAccountDialog::updateEnabled()
{
    m_gatewayBox->setEnabled(!m_demo->isChecked() && !m_editDemo);
    const bool tls = m_tls->isChecked();
    m_caFile->setEnabled(tls);
    m_browseCa->setEnabled(tls);
    m_serverName->setEnabled(tls);
}

bool AddAccountDialog::useDemo() const
{
    return m_demo->isChecked();
}

QString AddAccountDialog::accountIdForEndpoint(const QString &endpoint)
{
    QString id = endpoint.trimmed();
    id.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    id.replace(QLatin1Char(':'), QLatin1Char('-'));
    return QStringLiteral("gw-") + id;
}

QString AddAccountDialog::validateEndpoint(const QString &endpoint)
{
    const QString e = endpoint.trimmed();
    if (e.isEmpty())
        return tr("Enter the gateway endpoint as host:port.");
    const int colon = e.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == e.size() - 1)
        return tr("The gateway endpoint needs a port, as in host:port.");
    const QString host = e.left(colon);
    bool ok = false;
    const int port = e.mid(colon + 1).toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return tr("The port must be a number from 1 to 65535.");
    static const QRegularExpression hostPattern(
        QStringLiteral("^(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9._-]+)$"));
    if (!hostPattern.match(host).hasMatch())
        return tr("The host name \"%1\" is not valid.").arg(host);
    return {};
}

bool AddAccountDialog::validate()
{
    QString error;
    if (m_name->text().trimmed().isEmpty()) {
        error = tr("Give the account a name, so staff can tell the bots apart.");
    } else if (!m_demo->isChecked() && !m_editDemo) {
        error = validateEndpoint(m_endpoint->text());
        const QString token = GatewayToken::normalized(m_token->text());
        // Editing: an empty token keeps the saved one.
        if (error.isEmpty() && token.isEmpty() && !isEditing())
            error = tr("Enter the gateway's token.");
        if (error.isEmpty() && !token.isEmpty())
            error = GatewayToken::problem(token);
        if (error.isEmpty() && m_tls->isChecked() && !m_caFile->text().trimmed().isEmpty()
            && !QFileInfo(m_caFile->text().trimmed()).isReadable())
            error = tr("The CA file \"%1\" cannot be read.").arg(m_caFile->text().trimmed());
        if (error.isEmpty() && !isEditing()
            && m_existingIds.contains(accountIdForEndpoint(m_endpoint->text())))
            error = tr("An account for this gateway already exists.");
    }
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    return error.isEmpty();
}

QString AddAccountDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void AddAccountDialog::accept()
{
    if (validate())
        QDialog::accept();
}

AccountInfo AddAccountDialog::account() const
{
    AccountInfo info;
    info.displayName = m_name->text().trimmed();
    if (m_demo->isChecked()) {
        info.demo = true;
        return info; // the caller knows where the demo gateway runs
    }
    info.endpoint = m_endpoint->text().trimmed();
    info.id = isEditing() ? m_editId : accountIdForEndpoint(info.endpoint);
    info.demo = m_editDemo;
    info.tls = m_tls->isChecked();
    if (info.tls) {
        info.caFile = m_caFile->text().trimmed();
        info.serverName = m_serverName->text().trimmed();
    }
    return info;
}

GatewayEndpoint AddAccountDialog::endpoint() const
{
    const AccountInfo info = account();
    GatewayEndpoint endpoint;
    endpoint.address = info.endpoint;
    endpoint.token = GatewayToken::normalized(m_token->text());
    endpoint.tls = info.tls;
    endpoint.caFile = info.caFile;
    endpoint.serverName = info.serverName;
    return endpoint;
}

} // namespace gd

#include "ApiAppsDialog.h"

#include "ApiAppDialog.h"
#include "ApiSecretDialog.h"
#include "TimeText.h"
#include "WebhookLogDialog.h"
#include "api/ApiServer.h"
#include "api/ApiSettings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gd {

ApiAppsDialog::ApiAppsDialog(api::ApiServer *server, QWidget *parent)
    : QDialog(parent)
    , m_server(server)
    , m_enabled(new QCheckBox(tr("Run the local HTTP API"), this))
    , m_address(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_cert(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_apps(new QTableWidget(this))
{
    setWindowTitle(tr("HTTP API and webhooks"));
    const api::ApiSettings settings = api::ApiSettings::load();
    m_enabled->setChecked(settings.enabled);
    m_address->setText(settings.address);
    m_port->setRange(1, 65535);
    m_port->setValue(settings.port);
    m_cert->setText(settings.certFile);
    m_key->setText(settings.keyFile);
    m_cert->setPlaceholderText(tr("PEM certificate (needed for any address but 127.0.0.1)"));
    m_key->setPlaceholderText(tr("PEM private key"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    auto browse = [this](QLineEdit *edit) {
        const QString file = QFileDialog::getOpenFileName(this, tr("Choose a PEM file"));
        if (!file.isEmpty())
            edit->setText(file);
    };
    auto *certRow = new QHBoxLayout;
    certRow->addWidget(m_cert);
    certRow->addWidget(new QPushButton(tr("Browse…"), this));
    connect(static_cast<QPushButton *>(certRow->itemAt(1)->widget()), &QPushButton::clicked, this,
            [browse, this] { browse(m_cert); });
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key);
    keyRow->addWidget(new QPushButton(tr("Browse…"), this));
    connect(static_cast<QPushButton *>(keyRow->itemAt(1)->widget()), &QPushButton::clicked, this,
            [browse, this] { browse(m_key); });
    auto *apply = new QPushButton(tr("Apply"), this);
    connect(apply, &QPushButton::clicked, this, &ApiAppsDialog::applySettings);

    auto *listenBox = new QGroupBox(tr("Listening"), this);
    auto *form = new QFormLayout(listenBox);
    form->addRow(m_enabled);
    form->addRow(tr("Address:"), m_address);
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("Certificate:"), certRow);
    form->addRow(tr("Key:"), keyRow);
    form->addRow(m_status, apply);

    m_apps->setColumnCount(5);
    m_apps->setHorizontalHeaderLabels(
        {tr("Name"), tr("App id"), tr("May"), tr("Webhook"), tr("Issued")});
    m_apps->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_apps->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_apps->setSelectionMode(QAbstractItemView::SingleSelection);
    m_apps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_apps->verticalHeader()->hide();
    auto *issueButton = new QPushButton(tr("Issue app…"), this);
    auto *editButton = new QPushButton(tr("Edit…"), this);
    auto *revokeButton = new QPushButton(tr("Revoke"), this);
    auto *logButton = new QPushButton(tr("Delivery log…"), this);
    connect(issueButton, &QPushButton::clicked, this, &ApiAppsDialog::issue);
    connect(editButton, &QPushButton::clicked, this, &ApiAppsDialog::edit);
    connect(revokeButton, &QPushButton::clicked, this, &ApiAppsDialog::revoke);
    connect(logButton, &QPushButton::clicked, this, &ApiAppsDialog::showLog);
    auto *appButtons = new QHBoxLayout;
    appButtons->addWidget(issueButton);
    appButtons->addWidget(editButton);
    appButtons->addWidget(revokeButton);
    appButtons->addWidget(logButton);
    appButtons->addStretch();
    auto *appsBox = new QGroupBox(tr("Apps"), this);
    auto *appsLayout = new QVBoxLayout(appsBox);
    appsLayout->addWidget(m_apps);
    appsLayout->addLayout(appButtons);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(listenBox);
    layout->addWidget(appsBox, 1);
    layout->addWidget(buttons);
    resize(760, 560);

    connect(m_server, &api::ApiServer::appsChanged, this, &ApiAppsDialog::reloadApps);
    m_status->setText(m_server->isListening() ? tr("Listening on port %1.").arg(m_server->port())
                                              : tr("Not listening."));
    reloadApps();
}

void ApiAppsDialog::reloadApps()
{
    const QString selected = selectedAppId();
    const QVector<api::ApiApp> apps = m_server->apps();
    m_apps->setRowCount(int(apps.size()));
    for (int i = 0; i < apps.size(); ++i) {
        const api::ApiApp &a = apps.at(i);
        QStringList may;
        if (a.canRead)
            may << tr("read");
        if (a.canSend)
            may << tr("send");
        if (a.canAlerts)
            may << tr("alerts");
        const QString state = a.isRevoked() ? tr("revoked %1").arg(TimeText::dateTime(a.revokedMs))
                                            : TimeText::dateTime(a.createdMs);
        const QStringList cells{a.name, a.id, may.join(QStringLiteral(", ")), a.webhookUrl, state};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setData(Qt::UserRole, a.id);
            if (a.isRevoked())
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_apps->setItem(i, c, item);
        }
        if (a.id == selected)
            m_apps->selectRow(i);
    }
    m_apps->resizeColumnsToContents();
}

QString ApiAppsDialog::selectedAppId() const
{
    const QList<QTableWidgetItem *> items = m_apps->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(Qt::UserRole).toString();
}

void ApiAppsDialog::applySettings()
{
    api::ApiSettings s;
    s.enabled = m_enabled->isChecked();
    s.address = m_address->text().trimmed();
    s.port = quint16(m_port->value());
    s.certFile = m_cert->text().trimmed();
    s.keyFile = m_key->text().trimmed();
    if (s.enabled) {
        if (const QString problem = s.problem(); !problem.isEmpty()) {
            m_status->setText(problem);
            return;
        }
    }
    s.save();
    QString error;
    if (!m_server->start(s, &error))
        m_status->setText(error);
    else
        m_status->setText(m_server->isListening()
                              ? tr("Listening on port %1.").arg(m_server->port())
                              : tr("Not listening."));
}

void ApiAppsDialog::issue()
{
    ApiAppDialog dialog(api::ApiApp{}, true, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QPointer<ApiAppsDialog> self(this);
    m_server->issueApp(
        dialog.app(),
        [self](bool ok, const api::ApiApp &app, const QString &secret, const QString &error) {
            if (!self)
                return;
            if (!ok) {
                QMessageBox::warning(self, tr("App not issued"),
                                     tr("The secret could not be kept in the keychain, so the app "
                                        "was not issued: %1")
                                         .arg(error));
                return;
            }
            ApiSecretDialog(app.id, secret, self).exec();
        });
}

void ApiAppsDialog::edit()
{
    const QString id = selectedAppId();
    for (const api::ApiApp &a : m_server->apps()) {
        if (a.id != id || a.isRevoked())
            continue;
        ApiAppDialog dialog(a, false, this);
        if (dialog.exec() == QDialog::Accepted)
            m_server->updateApp(dialog.app());
        return;
    }
}

void ApiAppsDialog::revoke()
{
    const QString id = selectedAppId();
    for (const api::ApiApp &a : m_server->apps()) {
        if (a.id != id || a.isRevoked())
            continue;
        if (QMessageBox::question(this, tr("Revoke app"),
                                  tr("Revoke “%1”? Its requests are refused from now on and its "
                                     "queued webhook events are dropped.")
                                      .arg(a.name))
            == QMessageBox::Yes)
            m_server->revokeApp(id);
        return;
    }
}

void ApiAppsDialog::showLog()
{
    const QString id = selectedAppId();
    for (const api::ApiApp &a : m_server->apps()) {
        if (a.id == id) {
            auto *dialog = new WebhookLogDialog(m_server, a.id, a.name, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
            return;
        }
    }
}

} // namespace gd

#include "ApiSecretDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gd {

ApiSecretDialog::ApiSecretDialog(const QString &appId, const QString &secret, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("App issued"));
    auto *note = new QLabel(tr("Copy the secret now: it is shown only this once. GroupDesk keeps "
                               "it in the system keychain; if it is lost, revoke the app and "
                               "issue a new one."),
                            this);
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);
    auto *id = new QLineEdit(appId, this);
    id->setReadOnly(true);
    auto *key = new QLineEdit(secret, this);
    key->setReadOnly(true);
    key->setObjectName(QStringLiteral("secret"));
    key->setMinimumWidth(key->fontMetrics().horizontalAdvance(secret) + 24);
    auto *copy = new QPushButton(tr("Copy secret"), this);
    connect(copy, &QPushButton::clicked, this,
            [secret] { QApplication::clipboard()->setText(secret); });
    auto *form = new QFormLayout;
    form->addRow(tr("App id:"), id);
    form->addRow(tr("Secret:"), key);
    form->addRow(QString(), copy);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

} // namespace gd

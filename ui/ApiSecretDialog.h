#pragma once
// Shows a newly issued app's id and secret, once: the secret is kept only in
// the keychain and is never shown again (revoke and issue anew if lost).

#include <QDialog>

namespace gd {

class ApiSecretDialog : public QDialog
{
    Q_OBJECT
public:
    ApiSecretDialog(const QString &appId, const QString &secret, QWidget *parent = nullptr);
};

} // namespace gd

#pragma once
// Monitoring settings: who is at this desk (recorded in alert histories),
// and the alert e-mail: SMTP server, port, TLS, login, sender, recipients,
// from which severity. The password goes to the keychain (SecretStore),
// never to the settings file; left empty it stays as it is. "Send test
// e-mail" tries the settings on a worker thread.

#include "monitor/AlertMailer.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace gd {

class SecretStore;

class MonitorSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    MonitorSettingsDialog(AlertMailer *mailer, SecretStore *secrets, QWidget *parent = nullptr);

    AlertMailSettings formSettings() const;
    void save();
    void sendTest();

signals:
    void testFinished(bool ok, const QString &message);

private:
    AlertMailer *m_mailer;
    SecretStore *m_secrets;
    QLineEdit *m_deskUser = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_tls = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QComboBox *m_severity = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace gd

#pragma once
// "HTTP API and webhooks": where the API listens (loopback by default; any
// other address only with a TLS certificate and key), and the apps: issue
// (the secret is shown once), edit, revoke, and each app's webhook
// delivery log. Talks only to ApiServer.

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace gd {

namespace api {
class ApiServer;
}

class ApiAppsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ApiAppsDialog(api::ApiServer *server, QWidget *parent = nullptr);

private:
    void reloadApps();
    void applySettings();
    void issue();
    void edit();
    void revoke();
    void showLog();
    QString selectedAppId() const;

    api::ApiServer *m_server;
    QCheckBox *m_enabled;
    QLineEdit *m_address;
    QSpinBox *m_port;
    QLineEdit *m_cert;
    QLineEdit *m_key;
    QLabel *m_status;
    QTableWidget *m_apps;
};

} // namespace gd

#pragma once
// Asks for a new bot account: a name and how to reach its gateway (endpoint,
// token, TLS), or the built-in demo gateway. Validates before it closes; the
// token is handed to the caller for the keychain and never kept here. Also
// edits an existing account (setEditedAccount): its id stays, an empty token
// keeps the saved one, a demo account's gateway is not editable.

#include "gateway/GatewayEndpoint.h"
#include "model/Types.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace gd {

class AddAccountDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddAccountDialog(const QStringList &existingIds, QWidget *parent = nullptr);

    // Edit mode for this account: the form is filled in (no token).
    void setEditedAccount(const AccountInfo &account);
    bool isEditing() const { return !m_editId.isEmpty(); }

    bool useDemo() const;
    AccountInfo account() const; // no token in it
    GatewayEndpoint endpoint() const; // with the token

    // The local id for an account on this gateway ("gw-10.0.0.5-50051").
    static QString accountIdForEndpoint(const QString &endpoint);
    // Empty when valid, otherwise a sentence for the user.
    static QString validateEndpoint(const QString &endpoint);

    // For tests: fills the form without a user.
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *endpointEdit() const { return m_endpoint; }
    QLineEdit *tokenEdit() const { return m_token; }
    QCheckBox *demoCheck() const { return m_demo; }
    QCheckBox *tlsCheck() const { return m_tls; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QLineEdit *serverNameEdit() const { return m_serverName; }
    QString errorText() const;
    // Checks the form; shows the first problem and returns false if any.
    bool validate();

    void accept() override;

private:
    void updateEnabled();

    QStringList m_existingIds;
    QString m_editId; // edit mode: the account's id
    bool m_editDemo = false;
    QPushButton *m_okButton = nullptr;
    QLineEdit *m_name;
    QLineEdit *m_endpoint;
    QLineEdit *m_token;
    QCheckBox *m_tls;
    QLineEdit *m_caFile;
    QPushButton *m_browseCa;
    QLineEdit *m_serverName;
    QCheckBox *m_demo;
    QWidget *m_gatewayBox;
    QLabel *m_error;
};

} // namespace gd

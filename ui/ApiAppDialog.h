#pragma once
// Issues or edits one API app: its name, what it may do (read, send,
// handle alerts), which accounts and groups (empty: all), its rate limit
// and its webhook (URL and events). Only fills in an ApiApp: issuing and
// saving is ApiServer's.

#include "api/ApiApp.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace gd {

class ApiAppDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ApiAppDialog(const api::ApiApp &app, bool issuing, QWidget *parent = nullptr);
    api::ApiApp app() const;

private:
    void validate();

    api::ApiApp m_app;
    QLineEdit *m_name;
    QCheckBox *m_read;
    QCheckBox *m_send;
    QCheckBox *m_alerts;
    QPlainTextEdit *m_accounts;
    QPlainTextEdit *m_groups;
    QSpinBox *m_rate;
    QLineEdit *m_webhook;
    QCheckBox *m_hookMessages;
    QCheckBox *m_hookAlerts;
    QCheckBox *m_hookSends;
    QPushButton *m_ok = nullptr;
};

} // namespace gd

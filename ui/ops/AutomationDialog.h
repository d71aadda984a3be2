#pragma once
// Where staff set up welcomes and auto-replies: keyword replies (a table),
// the busy reply (after hours, or no answer for N minutes), the welcome
// for new members, and the log of what went out or was held back and why.
// Saving hands the rules to OpsAutomation, which refuses a rule with a
// problem (shown here with the reason).

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;
class QTimeEdit;

namespace gd {

class OpsAutomation;
class OpsStore;

class AutomationDialog : public QDialog
{
    Q_OBJECT
public:
    AutomationDialog(OpsAutomation *automation, OpsStore *store, const QString &accountId,
                     QWidget *parent = nullptr);

    void save();
    QString errorText() const;

private:
    void loadRules();
    void loadLog();
    void addKeywordRow(const QString &name, const QString &words, const QString &reply,
                       int groupCooldownS, int customerCooldownS, int maxPerHour);

    OpsAutomation *m_automation;
    OpsStore *m_store;
    QString m_accountId;
    QTableWidget *m_keywords;
    QCheckBox *m_busyEnabled;
    QPlainTextEdit *m_busyReply;
    QTimeEdit *m_open;
    QTimeEdit *m_close;
    QSpinBox *m_unanswered;
    QSpinBox *m_busyCooldown;
    QCheckBox *m_welcomeEnabled;
    QPlainTextEdit *m_welcomeText;
    QSpinBox *m_welcomeDelay;
    QSpinBox *m_welcomeCap;
    QLineEdit *m_welcomeTags;
    QListWidget *m_log;
    QLabel *m_error;
};

} // namespace gd

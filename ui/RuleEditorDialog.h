#pragma once
// The rule editor: the monitor's rules in a list (a broken one shows why),
// a form for the selected one (kind, severity, account, scope, keywords or
// expression, minutes, business hours), and a dry run on history before
// saving: "this rule would have raised 37 alerts in the last 7 days", with
// the list. The dry run runs on a worker thread with progress and Cancel; a
// rule with a problem (a regex that does not compile) cannot be saved, and
// the reason is shown.

#include "monitor/Alert.h"
#include "monitor/AlertRule.h"
#include "monitor/MessageSignals.h"

#include <QDialog>
#include <QPair>
#include <QVector>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimeEdit;
class QTreeWidget;

namespace gd {

class AlertMonitor;

struct RuleEditorContext
{
    QString databasePath; // for the dry run's own reader
    MessageSignalSourceFactory signalSource;
    QString staffTag = QStringLiteral("staff");
    QVector<QPair<QString, QString>> accounts; // id, name
    QVector<QPair<QString, QString>> groups; // room id, topic (the current account's)
    QStringList tags;
};

class RuleEditorDialog : public QDialog
{
    Q_OBJECT
public:
    RuleEditorDialog(AlertMonitor *monitor, const RuleEditorContext &context,
                     QWidget *parent = nullptr);
    ~RuleEditorDialog() override; // cancels a running dry run

    // The form's rule as it would be saved.
    AlertRule formRule() const;
    void editRule(const AlertRule &rule);
    void newRule();
    // What blocks saving (empty: none); shown under the form.
    QString problemText() const;
    void startDryRun();
    void cancelDryRun();
    bool isDryRunning() const { return m_running != nullptr; }
    QString dryRunSummary() const;
    int dryRunListed() const;
    void save();

signals:
    void dryRunFinished();

private:
    void reloadList(const QVector<AlertRule> &rules);
    void updateForm();
    void formChanged();

    AlertMonitor *m_monitor;
    RuleEditorContext m_context;
    AlertRule m_editing;
    QVector<AlertRule> m_rules;
    bool m_loading = false;

    QFormLayout *m_form = nullptr;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_severity = nullptr;
    QCheckBox *m_enabled = nullptr;
    QComboBox *m_account = nullptr;
    QComboBox *m_scope = nullptr;
    QComboBox *m_scopeValue = nullptr;
    QLabel *m_patternLabel = nullptr;
    QPlainTextEdit *m_pattern = nullptr;
    QSpinBox *m_minutes = nullptr;
    QCheckBox *m_first = nullptr;
    QCheckBox *m_next = nullptr;
    QCheckBox *m_useHours = nullptr;
    QVector<QCheckBox *> m_days;
    QTimeEdit *m_open = nullptr;
    QTimeEdit *m_close = nullptr;
    QLineEdit *m_holidays = nullptr;
    QWidget *m_timeBox = nullptr;
    QWidget *m_hoursBox = nullptr;
    QLabel *m_problem = nullptr;
    QSpinBox *m_dryDays = nullptr;
    QPushButton *m_dryRun = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_dryResult = nullptr;
    QTreeWidget *m_dryList = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_delete = nullptr;

    struct DryRunState;
    std::shared_ptr<DryRunState> m_running;
};

} // namespace gd

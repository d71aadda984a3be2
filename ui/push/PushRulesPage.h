#pragma once
// Push rules: the list, an editor (targets by tag or by hand minus excluded
// groups, each group's push switch, the schedule, the template and picture,
// caps, what to do with missed runs) and the preview: for a chosen time,
// exactly which product goes to which group, with the text and picture,
// before the rule is enabled. A rule the core refuses (unknown placeholder,
// missing or non-image picture) is not saved and the reason is shown.

#include "push/PushRule.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTimeEdit;
class QTreeWidget;

namespace gd {

class PushPlanTable;
class PushService;
struct PushGroup;

class PushRulesPage : public QWidget
{
    Q_OBJECT
public:
    PushRulesPage(PushService *service, QWidget *parent = nullptr);
    void reload();
    void selectRule(qint64 ruleId);
    // Shows the plan of the edited rule at the preview time.
    void preview();
    void setPreviewTime(qint64 ms);
    PushPlanTable *previewTable() const { return m_preview; }
    QLabel *messageLabel() const { return m_message; }

signals:
    void rulesChanged();

private:
    PushRule ruleFromEditor() const;
    void showRule(const PushRule &rule);
    void fillGroups(const QVector<PushGroup> &groups, const QStringList &tags);
    void save();

    PushService *m_service;
    QVector<PushRule> m_rules;
    qint64 m_ruleId = 0;
    qint64 m_lastRunMs = 0;
    QListWidget *m_list;
    QLineEdit *m_name;
    QCheckBox *m_enabled;
    QListWidget *m_tags;
    QTreeWidget *m_groups;
    QComboBox *m_kind;
    QLineEdit *m_times;
    QSpinBox *m_every;
    QTimeEdit *m_from;
    QTimeEdit *m_to;
    QList<QCheckBox *> m_days;
    QPlainTextEdit *m_text;
    QLineEdit *m_image;
    QCheckBox *m_productImage;
    QSpinBox *m_capRule;
    QSpinBox *m_capGroup;
    QSpinBox *m_capAccount;
    QComboBox *m_missed;
    QLabel *m_message;
    QDateTimeEdit *m_previewAt;
    PushPlanTable *m_preview;
};

} // namespace gd

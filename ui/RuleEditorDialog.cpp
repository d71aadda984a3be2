#include "RuleEditorDialog.h"

#include "monitor/AlertText.h"
#include "monitor/AlertMonitor.h"
#include "monitor/RuleDryRun.h"
#include "monitor/AlertRuleSet.h"

#include "Theme.h"
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QThreadPool>
#include <QRegularExpression>
#include <QTimeEdit>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gd {

struct RuleEditorDialog::DryRunState
{
    std::atomic<bool> cancel{false};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
};

RuleEditorDialog::RuleEditorDialog(AlertMonitor *monitor, const RuleEditorContext &context,
                                   QWidget *parent)
    : QDialog(parent)
    , m_monitor(monitor)
    , m_context(context)
{
    setWindowTitle(tr("Alert rules"));
    resize(980, 680);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("ruleList"));
    m_list->setMinimumWidth(220);
    auto *add = new QPushButton(tr("New rule"), this);
    m_delete = new QPushButton(tr("Delete"), this);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(m_delete);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addLayout(listButtons);

    m_name = new QLineEdit(this);
    m_kind = new QComboBox(this);
    for (RuleKind k : {RuleKind::Keywords, RuleKind::Regex, RuleKind::Complaint,
                       RuleKind::ResponseTime, RuleKind::BotOffline})
        m_kind->addItem(AlertText::ruleKindText(k), int(k));
    m_severity = new QComboBox(this);
    for (AlertSeverity s : {AlertSeverity::Info, AlertSeverity::Warning, AlertSeverity::High,
                            AlertSeverity::Critical})
        m_severity->addItem(AlertText::severityText(s), int(s));
    m_enabled = new QCheckBox(tr("Enabled"), this);
    m_account = new QComboBox(this);
    m_account->addItem(tr("Every bot account"), QString());
    for (const auto &a : std::as_const(m_context.accounts))
        m_account->addItem(a.second, a.first);
    m_scope = new QComboBox(this);
    m_scope->addItem(tr("Every group"), int(AlertRuleScope::Global));
    m_scope->addItem(tr("One group"), int(AlertRuleScope::Group));
    m_scope->addItem(tr("Groups with a tag"), int(AlertRuleScope::Tag));
    m_scopeValue = new QComboBox(this);
    m_patternLabel = new QLabel(this);
    m_pattern = new QPlainTextEdit(this);
    m_pattern->setObjectName(QStringLiteral("rulePattern"));
    m_pattern->setMaximumHeight(110);

    m_minutes = new QSpinBox(this);
    m_minutes->setRange(1, 7 * 24 * 60);
    m_minutes->setSuffix(tr(" min"));
    m_first = new QCheckBox(tr("First response"), this);
    m_next = new QCheckBox(tr("Next responses"), this);
    m_timeBox = new QWidget(this);
    auto *timeLayout = new QHBoxLayout(m_timeBox);
    timeLayout->setContentsMargins(0, 0, 0, 0);
    timeLayout->addWidget(m_minutes);
    timeLayout->addWidget(m_first);
    timeLayout->addWidget(m_next);
    timeLayout->addStretch(1);

    m_useHours = new QCheckBox(tr("Count business hours only"), this);
    m_hoursBox = new QWidget(this);
    auto *hoursLayout = new QVBoxLayout(m_hoursBox);
    hoursLayout->setContentsMargins(0, 0, 0, 0);
    auto *daysRow = new QHBoxLayout;
    for (int d = 1; d <= 7; ++d) {
        auto *box = new QCheckBox(QLocale().dayName(d, QLocale::ShortFormat), m_hoursBox);
        m_days.append(box);
        daysRow->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &RuleEditorDialog::formChanged);
    }
    daysRow->addStretch(1);
    m_open = new QTimeEdit(QTime(9, 0), m_hoursBox);
    m_close = new QTimeEdit(QTime(18, 0), m_hoursBox);
    m_open->setDisplayFormat(QStringLiteral("HH:mm"));
    m_close->setDisplayFormat(QStringLiteral("HH:mm"));
    auto *timesRow = new QHBoxLayout;
    timesRow->addWidget(new QLabel(tr("From"), m_hoursBox));
    timesRow->addWidget(m_open);
    timesRow->addWidget(new QLabel(tr("to"), m_hoursBox));
    timesRow->addWidget(m_close);
    timesRow->addStretch(1);
    m_holidays = new QLineEdit(m_hoursBox);
    m_holidays->setPlaceholderText(tr("Holidays, e.g. 2026-10-01, 2026-10-02"));
    hoursLayout->addLayout(daysRow);
    hoursLayout->addLayout(timesRow);
    hoursLayout->addWidget(m_holidays);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("ruleProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout;
    m_form = form;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Looks for"), m_kind);
    auto *sevRow = new QHBoxLayout;
    sevRow->addWidget(m_severity);
    sevRow->addWidget(m_enabled);
    sevRow->addStretch(1);
    form->addRow(tr("Severity"), sevRow);
    form->addRow(tr("Bot account"), m_account);
    auto *scopeRow = new QHBoxLayout;
    scopeRow->addWidget(m_scope);
    scopeRow->addWidget(m_scopeValue, 1);
    form->addRow(tr("Watches"), scopeRow);
    form->addRow(m_patternLabel, m_pattern);
    form->addRow(tr("Wait at most"), m_timeBox);
    form->addRow(QString(), m_useHours);
    form->addRow(QString(), m_hoursBox);
    form->addRow(QString(), m_problem);

    // Dry run
    m_dryDays = new QSpinBox(this);
    m_dryDays->setRange(1, 90);
    m_dryDays->setValue(7);
    m_dryDays->setSuffix(tr(" days"));
    m_dryRun = new QPushButton(tr("Try on history"), this);
    m_dryRun->setObjectName(QStringLiteral("dryRunButton"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->hide();
    m_progress = new QProgressBar(this);
    m_progress->hide();
    auto *dryRow = new QHBoxLayout;
    dryRow->addWidget(new QLabel(tr("Last"), this));
    dryRow->addWidget(m_dryDays);
    dryRow->addWidget(m_dryRun);
    dryRow->addWidget(m_progress, 1);
    dryRow->addWidget(m_cancel);
    m_dryResult = new QLabel(this);
    m_dryResult->setObjectName(QStringLiteral("dryRunResult"));
    m_dryResult->setTextFormat(Qt::PlainText);
    m_dryResult->setWordWrap(true);
    m_dryList = new QTreeWidget(this);
    m_dryList->setObjectName(QStringLiteral("dryRunList"));
    m_dryList->setRootIsDecorated(false);
    m_dryList->setHeaderLabels({tr("When"), tr("Group"), tr("Customer"), tr("Message")});
    m_dryList->header()->setStretchLastSection(true);
    m_dryList->setColumnWidth(0, 120);
    m_dryList->setColumnWidth(1, 150);
    m_dryList->setColumnWidth(2, 100);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(form);
    rightLayout->addLayout(dryRow);
    rightLayout->addWidget(m_dryResult);
    rightLayout->addWidget(m_dryList, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("Save rule"), QDialogButtonBox::ApplyRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &RuleEditorDialog::save);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(add, &QPushButton::clicked, this, &RuleEditorDialog::newRule);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (m_editing.id != 0 && m_monitor)
            m_monitor->deleteRule(m_editing.id);
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_loading && row >= 0 && row < m_rules.size())
            editRule(m_rules.at(row));
    });
    for (QComboBox *box : {m_kind, m_severity, m_account, m_scope})
        connect(box, &QComboBox::currentIndexChanged, this, &RuleEditorDialog::formChanged);
    connect(m_scopeValue, &QComboBox::currentTextChanged, this, &RuleEditorDialog::formChanged);
    connect(m_name, &QLineEdit::textChanged, this, &RuleEditorDialog::formChanged);
    connect(m_pattern, &QPlainTextEdit::textChanged, this, &RuleEditorDialog::formChanged);
    connect(m_minutes, &QSpinBox::valueChanged, this, &RuleEditorDialog::formChanged);
    for (QCheckBox *box : {m_enabled, m_first, m_next, m_useHours})
        connect(box, &QCheckBox::toggled, this, &RuleEditorDialog::formChanged);
    connect(m_holidays, &QLineEdit::textChanged, this, &RuleEditorDialog::formChanged);
    connect(m_open, &QTimeEdit::timeChanged, this, &RuleEditorDialog::formChanged);
    connect(m_close, &QTimeEdit::timeChanged, this, &RuleEditorDialog::formChanged);
    connect(m_dryRun, &QPushButton::clicked, this, &RuleEditorDialog::startDryRun);
    connect(m_cancel, &QPushButton::clicked, this, &RuleEditorDialog::cancelDryRun);

    if (m_monitor) {
        connect(m_monitor, &AlertMonitor::rulesChanged, this, &RuleEditorDialog::reloadList);
        connect(m_monitor, &AlertMonitor::ruleSaveFailed, this,
                [this](qint64, const QString &reason) { m_problem->setText(reason); });
        reloadList(m_monitor->rules());
    }
    if (m_rules.isEmpty())
        newRule();
}

RuleEditorDialog::~RuleEditorDialog()
{
    cancelDryRun();
}

void RuleEditorDialog::reloadList(const QVector<AlertRule> &rules)
{
    m_loading = true;
    m_rules = rules;
    m_list->clear();
    int current = -1;
    for (int i = 0; i < rules.size(); ++i) {
        const AlertRule &r = rules.at(i);
        auto *item = new QListWidgetItem(m_list);
        item->setText(r.brokenReason.isEmpty()
                          ? tr("%1 · %2").arg(r.name, AlertText::ruleKindText(r.kind))
                          : tr("%1 (not applied: %2)").arg(r.name, r.brokenReason));
        item->setToolTip(r.brokenReason.isEmpty() ? AlertText::ruleKindText(r.kind)
                                                  : r.brokenReason);
        if (!r.brokenReason.isEmpty())
            item->setForeground(Theme::error());
        else if (!r.enabled)
            item->setForeground(Theme::textSecondary());
        if (r.id == m_editing.id || (m_editing.id == 0 && r.name == m_editing.name))
            current = i;
    }
    m_loading = false;
    if (current >= 0) {
        m_list->setCurrentRow(current);
        editRule(m_rules.at(current));
    } else if (!m_rules.isEmpty() && m_editing.id != 0) {
        m_list->setCurrentRow(0);
    }
}

void RuleEditorDialog::newRule()
{
    AlertRule r;
    r.name = tr("New rule");
    r.kind = RuleKind::Keywords;
    m_list->clearSelection();
    editRule(r);
}

void RuleEditorDialog::editRule(const AlertRule &rule)
{
    m_loading = true;
    m_editing = rule;
    m_name->setText(rule.name);
    m_kind->setCurrentIndex(m_kind->findData(int(rule.kind)));
    m_severity->setCurrentIndex(m_severity->findData(int(rule.severity)));
    m_enabled->setChecked(rule.enabled);
    const int account = m_account->findData(rule.accountId);
    m_account->setCurrentIndex(account < 0 ? 0 : account);
    m_scope->setCurrentIndex(m_scope->findData(int(rule.scope)));
    m_pattern->setPlainText(rule.pattern);
    m_minutes->setValue(qMax(1, rule.minutes == 0 ? 10 : rule.minutes));
    m_first->setChecked(rule.firstResponse);
    m_next->setChecked(rule.nextResponse);
    m_useHours->setChecked(!rule.hours.isAlwaysOpen());
    const BusinessHours hours = rule.hours.isAlwaysOpen()
        ? BusinessHours::weekdays(QTime(9, 0), QTime(18, 0))
        : rule.hours;
    for (int d = 1; d <= 7; ++d)
        m_days[d - 1]->setChecked(hours.days().contains(d));
    m_open->setTime(hours.openTime());
    m_close->setTime(hours.closeTime());
    QStringList holidays;
    for (const QDate &d : hours.holidays())
        holidays.append(d.toString(Qt::ISODate));
    holidays.sort();
    m_holidays->setText(holidays.join(QStringLiteral(", ")));
    updateForm();
    m_scopeValue->setCurrentIndex(qMax(0, m_scopeValue->findData(rule.scopeValue)));
    if (rule.scope == AlertRuleScope::Tag)
        m_scopeValue->setCurrentText(rule.scopeValue);
    m_loading = false;
    m_dryResult->clear();
    m_dryList->clear();
    formChanged();
}

void RuleEditorDialog::updateForm()
{
    const auto kind = RuleKind(m_kind->currentData().toInt());
    const auto scope = AlertRuleScope(m_scope->currentData().toInt());
    const bool text = kind == RuleKind::Keywords || kind == RuleKind::Regex;
    m_patternLabel->setText(kind == RuleKind::Regex ? tr("Regular expression")
                                                    : tr("Keywords (one per line)"));
    m_form->setRowVisible(m_pattern, text);
    const bool timed = kind == RuleKind::ResponseTime || kind == RuleKind::BotOffline;
    m_form->setRowVisible(m_timeBox, timed);
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_timeBox)))
        label->setText(kind == RuleKind::BotOffline ? tr("Offline for more than")
                                                    : tr("Wait at most"));
    m_first->setVisible(kind == RuleKind::ResponseTime);
    m_next->setVisible(kind == RuleKind::ResponseTime);
    m_form->setRowVisible(m_useHours, kind == RuleKind::ResponseTime);
    m_form->setRowVisible(m_hoursBox, kind == RuleKind::ResponseTime && m_useHours->isChecked());
    m_scope->setEnabled(kind != RuleKind::BotOffline);
    const QString keep = m_scopeValue->currentData().toString().isEmpty()
        ? m_scopeValue->currentText()
        : m_scopeValue->currentData().toString();
    const QSignalBlocker blocker(m_scopeValue);
    m_scopeValue->clear();
    m_scopeValue->setVisible(scope != AlertRuleScope::Global && kind != RuleKind::BotOffline);
    if (scope == AlertRuleScope::Group) {
        m_scopeValue->setEditable(false);
        for (const auto &g : std::as_const(m_context.groups))
            m_scopeValue->addItem(g.second, g.first);
    } else if (scope == AlertRuleScope::Tag) {
        m_scopeValue->setEditable(true);
        for (const QString &t : std::as_const(m_context.tags))
            m_scopeValue->addItem(t, t);
    }
    const int at = m_scopeValue->findData(keep);
    if (at >= 0)
        m_scopeValue->setCurrentIndex(at);
    m_dryRun->setEnabled(kind != RuleKind::BotOffline && !isDryRunning());
}

void RuleEditorDialog::formChanged()
{
    if (m_loading)
        return;
    m_loading = true;
    updateForm();
    m_loading = false;
    const QString problem = problemText();
    m_problem->setText(problem);
    m_save->setEnabled(problem.isEmpty());
    m_delete->setEnabled(m_editing.id != 0);
}

AlertRule RuleEditorDialog::formRule() const
{
    AlertRule r = m_editing;
    r.name = m_name->text().trimmed();
    r.kind = RuleKind(m_kind->currentData().toInt());
    r.severity = AlertSeverity(m_severity->currentData().toInt());
    r.enabled = m_enabled->isChecked();
    r.accountId = m_account->currentData().toString();
    r.scope = r.kind == RuleKind::BotOffline ? AlertRuleScope::Global
                                             : AlertRuleScope(m_scope->currentData().toInt());
    r.scopeValue = r.scope == AlertRuleScope::Group ? m_scopeValue->currentData().toString()
        : r.scope == AlertRuleScope::Tag            ? m_scopeValue->currentText().trimmed()
                                                    : QString();
    r.pattern = (r.kind == RuleKind::Keywords || r.kind == RuleKind::Regex)
        ? m_pattern->toPlainText()
        : QString();
    r.minutes = (r.kind == RuleKind::ResponseTime || r.kind == RuleKind::BotOffline)
        ? m_minutes->value()
        : 0;
    r.firstResponse = m_first->isChecked();
    r.nextResponse = m_next->isChecked();
    r.hours = BusinessHours();
    if (r.kind == RuleKind::ResponseTime && m_useHours->isChecked()) {
        QSet<int> days;
        for (int d = 1; d <= 7; ++d) {
            if (m_days[d - 1]->isChecked())
                days.insert(d);
        }
        r.hours.setDays(days);
        r.hours.setHours(m_open->time(), m_close->time());
        QSet<QDate> holidays;
        for (const QString &part : m_holidays->text().split(
                 QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
            const QDate d = QDate::fromString(part, Qt::ISODate);
            if (d.isValid())
                holidays.insert(d);
        }
        r.hours.setHolidays(holidays);
    }
    return r;
}

QString RuleEditorDialog::problemText() const
{
    const AlertRule r = formRule();
    if (r.kind == RuleKind::ResponseTime && m_useHours->isChecked()) {
        for (const QString &part : m_holidays->text().split(
                 QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
            if (!QDate::fromString(part, Qt::ISODate).isValid())
                return tr("The holiday %1 is not a date (YYYY-MM-DD).").arg(part);
        }
    }
    return AlertRuleSet::problemOf(r);
}

void RuleEditorDialog::save()
{
    const QString problem = problemText();
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        return;
    }
    m_editing = formRule();
    if (m_monitor)
        m_monitor->saveRule(m_editing);
}

void RuleEditorDialog::startDryRun()
{
    if (m_running)
        return;
    const QString problem = problemText();
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        return;
    }
    const AlertRule rule = formRule();
    const int days = m_dryDays->value();
    const qint64 toMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 fromMs = toMs - qint64(days) * 24 * 3600 * 1000;
    auto state = std::make_shared<DryRunState>();
    m_running = state;
    m_dryRun->setEnabled(false);
    m_cancel->show();
    m_progress->show();
    m_progress->setRange(0, 0);
    m_dryResult->setText(tr("Trying the rule on the last %n day(s)…", nullptr, days));
    m_dryList->clear();

    auto *ticker = new QTimer(this);
    ticker->setInterval(100);
    connect(ticker, &QTimer::timeout, this, [this, state] {
        const qint64 total = state->total.load();
        if (total > 0) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(int(state->done.load() * 1000 / total));
        }
    });
    ticker->start();

    QPointer<RuleEditorDialog> guard(this);
    const RuleEditorContext context = m_context;
    QThreadPool::globalInstance()->start([guard, state, rule, fromMs, toMs, days, context, ticker] {
        RuleDryRun::Result result
            = RuleDryRun::run(context.databasePath, rule, fromMs, toMs, context.signalSource,
                              context.staffTag, state->cancel, [state](qint64 done, qint64 total) {
                                  state->done = done;
                                  state->total = total;
                              });
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, state, result, days, ticker] {
                if (!guard)
                    return;
                RuleEditorDialog *d = guard.data();
                ticker->deleteLater();
                if (d->m_running != state)
                    return;
                d->m_running.reset();
                d->m_cancel->hide();
                d->m_progress->hide();
                d->m_dryRun->setEnabled(true);
                if (result.cancelled) {
                    d->m_dryResult->setText(tr("The dry run was cancelled."));
                } else if (!result.error.isEmpty()) {
                    d->m_dryResult->setText(result.error);
                } else {
                    d->m_dryResult->setText(
                        tr("This rule would have raised %n alert(s) in the last %1 day(s) "
                           "(%2 messages looked at).",
                           nullptr, result.count)
                            .arg(days)
                            .arg(result.scanned));
                    for (const Alert &a : result.alerts) {
                        auto *item = new QTreeWidgetItem(d->m_dryList);
                        item->setText(
                            0,
                            QLocale().toString(QDateTime::fromMSecsSinceEpoch(a.createdMs),
                                               QLocale::ShortFormat));
                        item->setText(1, a.roomName);
                        item->setText(2, a.customerName);
                        item->setText(3, a.excerpt);
                        item->setToolTip(3, a.excerpt);
                    }
                }
                emit d->dryRunFinished();
            },
            Qt::QueuedConnection);
    });
}

void RuleEditorDialog::cancelDryRun()
{
    if (!m_running)
        return;
    m_running->cancel = true;
    m_running.reset();
    m_cancel->hide();
    m_progress->hide();
    m_dryRun->setEnabled(true);
    m_dryResult->setText(tr("The dry run was cancelled."));
}

QString RuleEditorDialog::dryRunSummary() const
{
    return m_dryResult->text();
}

int RuleEditorDialog::dryRunListed() const
{
    return m_dryList->topLevelItemCount();
}

} // namespace gd

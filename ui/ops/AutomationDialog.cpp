#include "ops/AutomationDialog.h"

#include "Theme.h"
#include "TimeText.h"
#include "ops/OpsAutomation.h"
#include "ops/OpsRepository.h"
#include "ops/OpsStore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace gd {
namespace {
enum KeywordColumn { Name, Words, Reply, GroupCooldown, CustomerCooldown, MaxPerHour, Columns };

QStringList splitList(const QString &text)
{
    QStringList out;
    for (QString part : text.split(QRegularExpression(QStringLiteral("[,，、]")))) {
        part = part.trimmed();
        if (!part.isEmpty())
            out << part;
    }
    return out;
}
} // namespace

AutomationDialog::AutomationDialog(OpsAutomation *automation, OpsStore *store,
                                   const QString &accountId, QWidget *parent)
    : QDialog(parent)
    , m_automation(automation)
    , m_store(store)
    , m_accountId(accountId)
    , m_keywords(new QTableWidget(0, Columns, this))
    , m_busyEnabled(new QCheckBox(tr("Answer when the desk is busy or closed"), this))
    , m_busyReply(new QPlainTextEdit(this))
    , m_open(new QTimeEdit(QTime(9, 0), this))
    , m_close(new QTimeEdit(QTime(18, 0), this))
    , m_unanswered(new QSpinBox(this))
    , m_busyCooldown(new QSpinBox(this))
    , m_welcomeEnabled(new QCheckBox(tr("Welcome new members"), this))
    , m_welcomeText(new QPlainTextEdit(this))
    , m_welcomeDelay(new QSpinBox(this))
    , m_welcomeCap(new QSpinBox(this))
    , m_welcomeTags(new QLineEdit(this))
    , m_log(new QListWidget(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("automationDialog"));
    setWindowTitle(tr("Welcomes and Auto-replies"));
    resize(820, 520);

    m_keywords->setHorizontalHeaderLabels({tr("Name"), tr("Keywords"), tr("Reply"),
                                           tr("Group cooldown (s)"), tr("Customer cooldown (s)"),
                                           tr("Max per hour")});
    m_keywords->horizontalHeader()->setSectionResizeMode(Reply, QHeaderView::Stretch);
    auto *add = new QPushButton(tr("Add Rule"), this);
    auto *remove = new QPushButton(tr("Remove Rule"), this);
    connect(add, &QPushButton::clicked, this, [this] { addKeywordRow({}, {}, {}, 300, 1800, 20); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_keywords->currentRow() >= 0)
            m_keywords->removeRow(m_keywords->currentRow());
    });
    auto *keywordPage = new QWidget(this);
    auto *keywordLayout = new QVBoxLayout(keywordPage);
    auto *hint = new QLabel(tr("Keywords are separated by commas. The reply may use {customer} "
                               "and {group}. The bot itself and staff are never answered."),
                            this);
    hint->setWordWrap(true);
    keywordLayout->addWidget(hint);
    keywordLayout->addWidget(m_keywords, 1);
    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch(1);
    keywordLayout->addLayout(rowButtons);

    m_busyReply->setPlaceholderText(tr("e.g. Our agents are busy; we will answer you shortly."));
    m_unanswered->setRange(0, 24 * 60);
    m_unanswered->setSuffix(tr(" min (0: only outside business hours)"));
    m_busyCooldown->setRange(0, 24 * 3600);
    m_busyCooldown->setValue(3600);
    m_busyCooldown->setSuffix(tr(" s per customer"));
    auto *busyPage = new QWidget(this);
    auto *busyForm = new QFormLayout(busyPage);
    busyForm->addRow(m_busyEnabled);
    busyForm->addRow(tr("Reply"), m_busyReply);
    auto *hours = new QHBoxLayout;
    hours->addWidget(m_open);
    hours->addWidget(new QLabel(tr("to"), this));
    hours->addWidget(m_close);
    hours->addStretch(1);
    busyForm->addRow(tr("Business hours (Mon–Fri)"), hours);
    busyForm->addRow(tr("No answer for"), m_unanswered);
    busyForm->addRow(tr("Cooldown"), m_busyCooldown);

    m_welcomeText->setPlainText(WelcomeRule().text);
    m_welcomeDelay->setRange(0, 3600);
    m_welcomeDelay->setValue(60);
    m_welcomeDelay->setSuffix(tr(" s (joins within it get one welcome)"));
    m_welcomeCap->setRange(1, 60);
    m_welcomeCap->setValue(3);
    m_welcomeCap->setSuffix(tr(" per group per hour"));
    m_welcomeTags->setPlaceholderText(tr("Only groups with these tags (empty: every group)"));
    auto *welcomePage = new QWidget(this);
    auto *welcomeForm = new QFormLayout(welcomePage);
    welcomeForm->addRow(m_welcomeEnabled);
    welcomeForm->addRow(tr("Text ({names}, {group})"), m_welcomeText);
    welcomeForm->addRow(tr("Gather joins for"), m_welcomeDelay);
    welcomeForm->addRow(tr("At most"), m_welcomeCap);
    welcomeForm->addRow(tr("Tags"), m_welcomeTags);

    m_log->setObjectName(QStringLiteral("automationLog"));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(keywordPage, tr("Keyword Replies"));
    tabs->addTab(busyPage, tr("Busy Reply"));
    tabs->addTab(welcomePage, tr("Welcome"));
    tabs->addTab(m_log, tr("Log"));
    connect(tabs, &QTabWidget::currentChanged, this, [this, tabs](int i) {
        if (tabs->widget(i) == m_log)
            loadLog();
    });

    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::warning().name()));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this,
            &AutomationDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_automation, &OpsAutomation::rulesRefused, this, [this](const QString &reason) {
        m_error->setText(reason);
        m_error->show();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    loadRules();
}

void AutomationDialog::addKeywordRow(const QString &name, const QString &words,
                                     const QString &reply, int groupCooldownS,
                                     int customerCooldownS, int maxPerHour)
{
    const int row = m_keywords->rowCount();
    m_keywords->insertRow(row);
    m_keywords->setItem(row, Name, new QTableWidgetItem(name));
    m_keywords->setItem(row, Words, new QTableWidgetItem(words));
    m_keywords->setItem(row, Reply, new QTableWidgetItem(reply));
    m_keywords->setItem(row, GroupCooldown, new QTableWidgetItem(QString::number(groupCooldownS)));
    m_keywords->setItem(row, CustomerCooldown,
                        new QTableWidgetItem(QString::number(customerCooldownS)));
    m_keywords->setItem(row, MaxPerHour, new QTableWidgetItem(QString::number(maxPerHour)));
}

void AutomationDialog::loadRules()
{
    for (const AutoReplyRule &r : m_automation->autoReplyRules()) {
        if (r.kind == AutoReplyRule::Kind::Keyword) {
            addKeywordRow(r.name, r.keywords.join(QLatin1String(", ")), r.reply, r.groupCooldownS,
                          r.customerCooldownS, r.maxPerHour);
        } else {
            m_busyEnabled->setChecked(r.enabled);
            m_busyReply->setPlainText(r.reply);
            if (!r.hours.isAlwaysOpen()) {
                m_open->setTime(r.hours.openTime());
                m_close->setTime(r.hours.closeTime());
            }
            m_unanswered->setValue(r.unansweredMinutes);
            m_busyCooldown->setValue(r.customerCooldownS);
        }
    }
    const QVector<WelcomeRule> welcomes = m_automation->welcomeRules();
    if (!welcomes.isEmpty()) {
        const WelcomeRule &w = welcomes.first();
        m_welcomeEnabled->setChecked(w.enabled);
        m_welcomeText->setPlainText(w.text);
        m_welcomeDelay->setValue(w.delayS);
        m_welcomeCap->setValue(w.maxPerHour);
        m_welcomeTags->setText(w.scope.tags.join(QLatin1String(", ")));
    }
}

void AutomationDialog::save()
{
    m_error->hide();
    QVector<AutoReplyRule> rules;
    for (int row = 0; row < m_keywords->rowCount(); ++row) {
        auto text = [this, row](int column) {
            const QTableWidgetItem *item = m_keywords->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        AutoReplyRule r;
        r.kind = AutoReplyRule::Kind::Keyword;
        r.name = text(Name);
        r.keywords = splitList(text(Words));
        r.reply = text(Reply);
        r.groupCooldownS = text(GroupCooldown).toInt();
        r.customerCooldownS = text(CustomerCooldown).toInt();
        r.maxPerHour = text(MaxPerHour).toInt();
        rules.append(r);
    }
    if (m_busyEnabled->isChecked() || !m_busyReply->toPlainText().trimmed().isEmpty()) {
        AutoReplyRule busy;
        busy.kind = AutoReplyRule::Kind::Busy;
        busy.enabled = m_busyEnabled->isChecked();
        busy.name = tr("Busy reply");
        busy.reply = m_busyReply->toPlainText().trimmed();
        busy.hours = BusinessHours::weekdays(m_open->time(), m_close->time());
        busy.unansweredMinutes = m_unanswered->value();
        busy.customerCooldownS = m_busyCooldown->value();
        busy.groupCooldownS = 0;
        rules.append(busy);
    }
    m_automation->setAutoReplyRules(rules);
    WelcomeRule welcome;
    welcome.enabled = m_welcomeEnabled->isChecked();
    welcome.text = m_welcomeText->toPlainText().trimmed();
    welcome.delayS = m_welcomeDelay->value();
    welcome.maxPerHour = m_welcomeCap->value();
    welcome.scope.tags = splitList(m_welcomeTags->text());
    m_automation->setWelcomeRules({welcome});
}

QString AutomationDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void AutomationDialog::loadLog()
{
    const QString accountId = m_accountId;
    m_store->read<QVector<OpsLogEntry>>(
        this, [accountId](QSqlDatabase &db) { return OpsRepository::log(db, accountId, 0, 300); },
        [this](const QVector<OpsLogEntry> &entries) {
            m_log->clear();
            for (const OpsLogEntry &e : entries) {
                QString what;
                switch (e.kind) {
                case OpsLogEntry::Kind::Welcome:
                    what = tr("Welcome");
                    break;
                case OpsLogEntry::Kind::AutoReply:
                    what = tr("Auto-reply");
                    break;
                case OpsLogEntry::Kind::LeftGroup:
                    what = tr("Left group");
                    break;
                }
                const QString outcome = e.outcome == OpsLogEntry::Outcome::Done ? tr("sent")
                    : e.outcome == OpsLogEntry::Outcome::HeldBack               ? tr("held back")
                                                                                : tr("failed");
                m_log->addItem(tr("%1  %2 in %3 (%4): %5")
                                   .arg(TimeText::dateTime(e.atMs), what, e.roomId, outcome,
                                        e.detail.simplified().left(120)));
            }
        });
}

} // namespace gd

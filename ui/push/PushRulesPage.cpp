#include "push/PushRulesPage.h"

#include "push/PushPlanTable.h"
#include "push/PushService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTimeEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gd {
namespace {

enum GroupCol { GName, GInclude, GExclude, GSwitch };

QString minutesText(const QVector<int> &minutes)
{
    QStringList parts;
    for (int m : minutes)
        parts << QStringLiteral("%1:%2")
                     .arg(m / 60, 2, 10, QLatin1Char('0'))
                     .arg(m % 60, 2, 10, QLatin1Char('0'));
    return parts.join(QLatin1Char(' '));
}

struct Groups
{
    QVector<PushGroup> groups;
    QStringList tags;
};

} // namespace

PushRulesPage::PushRulesPage(PushService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_enabled(new QCheckBox(tr("Enabled"), this))
    , m_tags(new QListWidget(this))
    , m_groups(new QTreeWidget(this))
    , m_kind(new QComboBox(this))
    , m_times(new QLineEdit(this))
    , m_every(new QSpinBox(this))
    , m_from(new QTimeEdit(this))
    , m_to(new QTimeEdit(this))
    , m_text(new QPlainTextEdit(this))
    , m_image(new QLineEdit(this))
    , m_productImage(new QCheckBox(tr("Send the product's own picture when it has one"), this))
    , m_capRule(new QSpinBox(this))
    , m_capGroup(new QSpinBox(this))
    , m_capAccount(new QSpinBox(this))
    , m_missed(new QComboBox(this))
    , m_message(new QLabel(this))
    , m_previewAt(new QDateTimeEdit(this))
    , m_preview(new PushPlanTable(this))
{
    auto *newButton = new QPushButton(tr("New rule"), this);
    auto *deleteButton = new QPushButton(tr("Delete"), this);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list);
    auto *leftButtons = new QHBoxLayout;
    leftButtons->addWidget(newButton);
    leftButtons->addWidget(deleteButton);
    leftLayout->addLayout(leftButtons);

    m_tags->setMaximumHeight(90);
    m_groups->setColumnCount(4);
    m_groups->setHeaderLabels({tr("Group"), tr("Include"), tr("Exclude"), tr("Pushes on")});
    m_groups->setRootIsDecorated(false);
    m_groups->header()->setSectionResizeMode(GName, QHeaderView::Stretch);
    m_groups->setMaximumHeight(150);
    m_kind->addItem(tr("At times of day"));
    m_kind->addItem(tr("Every N minutes within a window"));
    m_times->setPlaceholderText(tr("e.g. 09:30 12:00 20:00"));
    m_every->setRange(5, 24 * 60);
    m_every->setSuffix(tr(" min"));
    m_from->setDisplayFormat(QStringLiteral("HH:mm"));
    m_to->setDisplayFormat(QStringLiteral("HH:mm"));
    auto *days = new QHBoxLayout;
    const QStringList dayNames
        = {tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")};
    for (const QString &d : dayNames) {
        auto *box = new QCheckBox(d, this);
        m_days << box;
        days->addWidget(box);
    }
    days->addStretch();
    auto *window = new QHBoxLayout;
    window->addWidget(m_every);
    window->addWidget(new QLabel(tr("from"), this));
    window->addWidget(m_from);
    window->addWidget(new QLabel(tr("to"), this));
    window->addWidget(m_to);
    window->addStretch();
    m_text->setPlaceholderText(tr("{title} now {coupon} yuan (was {price}) {link}"));
    m_text->setMaximumHeight(70);
    auto *browse = new QPushButton(tr("Choose…"), this);
    auto *image = new QHBoxLayout;
    image->addWidget(m_image);
    image->addWidget(browse);
    for (QSpinBox *s : {m_capRule, m_capGroup, m_capAccount}) {
        s->setRange(0, 10000);
        s->setSpecialValueText(tr("no cap"));
    }
    auto *caps = new QHBoxLayout;
    caps->addWidget(new QLabel(tr("rule/day"), this));
    caps->addWidget(m_capRule);
    caps->addWidget(new QLabel(tr("group/day"), this));
    caps->addWidget(m_capGroup);
    caps->addWidget(new QLabel(tr("account/day"), this));
    caps->addWidget(m_capAccount);
    caps->addStretch();
    m_missed->addItem(tr("Skip runs missed while the program was closed"));
    m_missed->addItem(tr("Catch up once when the program starts"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    auto *saveButton = new QPushButton(tr("Save"), this);

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(QString(), m_enabled);
    form->addRow(tr("Groups with tags"), m_tags);
    form->addRow(tr("Groups"), m_groups);
    form->addRow(tr("Schedule"), m_kind);
    form->addRow(tr("Times"), m_times);
    form->addRow(tr("Every"), window);
    form->addRow(tr("Days"), days);
    form->addRow(tr("Text"), m_text);
    form->addRow(tr("Picture"), image);
    form->addRow(QString(), m_productImage);
    form->addRow(tr("Caps"), caps);
    form->addRow(tr("Missed runs"), m_missed);
    auto *editor = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editor);
    editorLayout->addLayout(form);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_message, 1);
    saveRow->addWidget(saveButton);
    editorLayout->addLayout(saveRow);

    m_previewAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_previewAt->setDateTime(QDateTime::currentDateTime());
    auto *previewButton = new QPushButton(tr("Preview (dry run)"), this);
    auto *previewBar = new QHBoxLayout;
    previewBar->addWidget(new QLabel(tr("What this rule would send at"), this));
    previewBar->addWidget(m_previewAt);
    previewBar->addWidget(previewButton);
    previewBar->addStretch();
    auto *previewBox = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addLayout(previewBar);
    previewLayout->addWidget(m_preview);

    auto *right = new QSplitter(Qt::Vertical, this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(editor);
    scroll->setWidgetResizable(true);
    right->addWidget(scroll);
    right->addWidget(previewBox);
    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 4);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_rules.size())
            showRule(m_rules.at(row));
    });
    connect(newButton, &QPushButton::clicked, this, [this] {
        PushRule r;
        r.name = tr("New rule");
        r.schedule.minutesOfDay = {10 * 60, 20 * 60};
        r.text = QStringLiteral("{title} {coupon} {link}");
        m_list->setCurrentRow(-1);
        showRule(r);
    });
    connect(deleteButton, &QPushButton::clicked, this, [this] {
        if (m_ruleId == 0)
            return;
        const qint64 id = m_ruleId;
        m_service->call<bool>(
            this, [id](PushWorkspace &w) { return w.deleteRule(id); },
            [this](bool) {
                reload();
                emit rulesChanged();
            });
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Picture"), QString(), tr("Pictures (*.png *.jpg *.jpeg *.gif *.webp)"));
        if (!path.isEmpty())
            m_image->setText(path);
    });
    connect(saveButton, &QPushButton::clicked, this, &PushRulesPage::save);
    connect(previewButton, &QPushButton::clicked, this, &PushRulesPage::preview);
    reload();
}

void PushRulesPage::reload()
{
    m_service->call<Groups>(
        this,
        [](PushWorkspace &w) {
            return Groups{w.groups(), w.tags()};
        },
        [this](const Groups &g) {
            fillGroups(g.groups, g.tags);
            m_service->call<QVector<PushRule>>(
                this, [](PushWorkspace &w) { return w.rules(); },
                [this](QVector<PushRule> rules) {
                    m_rules = rules;
                    const qint64 keep = m_ruleId;
                    m_list->clear();
                    for (const PushRule &r : rules)
                        m_list->addItem(r.enabled ? r.name : tr("%1 (off)").arg(r.name));
                    if (!rules.isEmpty())
                        selectRule(keep != 0 ? keep : rules.first().id);
                });
        });
}

void PushRulesPage::selectRule(qint64 ruleId)
{
    for (int i = 0; i < m_rules.size(); ++i) {
        if (m_rules.at(i).id == ruleId) {
            m_list->setCurrentRow(i);
            showRule(m_rules.at(i));
        }
    }
}

void PushRulesPage::fillGroups(const QVector<PushGroup> &groups, const QStringList &tags)
{
    m_tags->clear();
    for (const QString &t : tags) {
        auto *item = new QListWidgetItem(t, m_tags);
        item->setCheckState(Qt::Unchecked);
    }
    m_groups->clear();
    for (const PushGroup &g : groups) {
        auto *item = new QTreeWidgetItem(m_groups);
        item->setText(GName, g.name.isEmpty() ? g.roomId : g.name);
        item->setData(GName, Qt::UserRole, g.roomId);
        item->setCheckState(GInclude, Qt::Unchecked);
        item->setCheckState(GExclude, Qt::Unchecked);
        item->setCheckState(GSwitch, g.pushEnabled ? Qt::Checked : Qt::Unchecked);
    }
    // The push switch is the group's, not the rule's: saved at once.
    connect(
        m_groups, &QTreeWidget::itemChanged, this,
        [this](QTreeWidgetItem *item, int column) {
            if (column != GSwitch)
                return;
            const QString room = item->data(GName, Qt::UserRole).toString();
            const bool on = item->checkState(GSwitch) == Qt::Checked;
            m_service->call<bool>(
                this, [room, on](PushWorkspace &w) { return w.setPushEnabled(room, on); },
                [this](bool) { emit rulesChanged(); });
        },
        Qt::UniqueConnection);
}

void PushRulesPage::showRule(const PushRule &r)
{
    m_ruleId = r.id;
    m_lastRunMs = r.lastRunMs;
    m_name->setText(r.name);
    m_enabled->setChecked(r.enabled);
    for (int i = 0; i < m_tags->count(); ++i)
        m_tags->item(i)->setCheckState(
            r.targets.tags.contains(m_tags->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
    const QSignalBlocker block(m_groups);
    for (int i = 0; i < m_groups->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_groups->topLevelItem(i);
        const QString room = item->data(GName, Qt::UserRole).toString();
        item->setCheckState(GInclude,
                            r.targets.roomIds.contains(room) ? Qt::Checked : Qt::Unchecked);
        item->setCheckState(GExclude,
                            r.targets.excludedRoomIds.contains(room) ? Qt::Checked : Qt::Unchecked);
    }
    m_kind->setCurrentIndex(int(r.schedule.kind));
    m_times->setText(minutesText(r.schedule.minutesOfDay));
    m_every->setValue(r.schedule.everyMinutes);
    m_from->setTime(QTime(r.schedule.windowStartMinute / 60, r.schedule.windowStartMinute % 60));
    m_to->setTime(QTime(r.schedule.windowEndMinute / 60, r.schedule.windowEndMinute % 60));
    for (int d = 0; d < 7; ++d)
        m_days.at(d)->setChecked(r.schedule.days & (1 << d));
    m_text->setPlainText(r.text);
    m_image->setText(r.imagePath);
    m_productImage->setChecked(r.productImage);
    m_capRule->setValue(r.caps.perRuleDay);
    m_capGroup->setValue(r.caps.perGroupDay);
    m_capAccount->setValue(r.caps.perAccountDay);
    m_missed->setCurrentIndex(int(r.missed));
    m_message->clear();
}

PushRule PushRulesPage::ruleFromEditor() const
{
    PushRule r;
    r.id = m_ruleId;
    r.lastRunMs = m_lastRunMs;
    for (const PushRule &old : m_rules) {
        if (old.id == r.id)
            r.createdMs = old.createdMs;
    }
    r.name = m_name->text().trimmed();
    r.enabled = m_enabled->isChecked();
    for (int i = 0; i < m_tags->count(); ++i) {
        if (m_tags->item(i)->checkState() == Qt::Checked)
            r.targets.tags << m_tags->item(i)->text();
    }
    for (int i = 0; i < m_groups->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_groups->topLevelItem(i);
        const QString room = item->data(GName, Qt::UserRole).toString();
        if (item->checkState(GInclude) == Qt::Checked)
            r.targets.roomIds << room;
        if (item->checkState(GExclude) == Qt::Checked)
            r.targets.excludedRoomIds << room;
    }
    r.schedule.kind = PushSchedule::Kind(m_kind->currentIndex());
    static const QRegularExpression time(QStringLiteral("(\\d{1,2})[:：](\\d{2})"));
    auto it = time.globalMatch(m_times->text());
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        r.schedule.minutesOfDay << m.captured(1).toInt() * 60 + m.captured(2).toInt();
    }
    std::sort(r.schedule.minutesOfDay.begin(), r.schedule.minutesOfDay.end());
    r.schedule.everyMinutes = m_every->value();
    r.schedule.windowStartMinute = m_from->time().hour() * 60 + m_from->time().minute();
    r.schedule.windowEndMinute = m_to->time().hour() * 60 + m_to->time().minute();
    r.schedule.days = 0;
    for (int d = 0; d < 7; ++d) {
        if (m_days.at(d)->isChecked())
            r.schedule.days |= quint8(1 << d);
    }
    r.text = m_text->toPlainText();
    r.imagePath = m_image->text().trimmed();
    r.productImage = m_productImage->isChecked();
    r.caps = {m_capRule->value(), m_capGroup->value(), m_capAccount->value()};
    r.missed = MissedRunPolicy(m_missed->currentIndex());
    return r;
}

void PushRulesPage::save()
{
    PushRule rule = ruleFromEditor();
    m_service->call<QPair<qint64, QString>>(
        this,
        [rule](PushWorkspace &w) mutable {
            QString error;
            w.saveRule(rule, &error);
            return qMakePair(rule.id, error);
        },
        [this](const QPair<qint64, QString> &result) {
            if (!result.second.isEmpty()) {
                m_message->setText(tr("Not saved: %1").arg(result.second));
                return;
            }
            m_message->clear();
            m_ruleId = result.first;
            reload();
            emit rulesChanged();
        });
}

void PushRulesPage::setPreviewTime(qint64 ms)
{
    m_previewAt->setDateTime(QDateTime::fromMSecsSinceEpoch(ms));
}

void PushRulesPage::preview()
{
    const PushRule rule = ruleFromEditor();
    const qint64 at = m_previewAt->dateTime().toMSecsSinceEpoch();
    m_service->call<QPair<QString, QVector<PlannedSend>>>(
        this,
        [rule, at](PushWorkspace &w) { return qMakePair(w.problemOf(rule), w.preview(rule, at)); },
        [this, at](const QPair<QString, QVector<PlannedSend>> &result) {
            m_message->setText(result.first.isEmpty()
                                   ? QString()
                                   : tr("Cannot be saved yet: %1").arg(result.first));
            m_preview->setPlan(result.second, at);
        });
}

} // namespace gd

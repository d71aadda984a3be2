#include "ops/GroupCleanupDialog.h"

#include "TimeText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gd {
namespace {
enum Column { Name, Stars, Customers, StaffReplies, LastCustomer, Tags, ColumnCount };

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text); // table items are plain text
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}
} // namespace

GroupCleanupDialog::GroupCleanupDialog(const QString &accountId, GroupCleanup *cleanup,
                                       QWidget *parent)
    : QDialog(parent)
    , m_accountId(accountId)
    , m_cleanup(cleanup)
    , m_pages(new QStackedWidget(this))
    , m_table(new QTableWidget(this))
    , m_quietBox(new QCheckBox(tr("Only quiet groups (two stars or fewer)"), this))
    , m_starsBox(new QSpinBox(this))
    , m_tagBox(new QComboBox(this))
    , m_selectionLabel(new QLabel(this))
    , m_previewButton(new QPushButton(tr("Preview…"), this))
    , m_preview(new QTableWidget(this))
    , m_previewSummary(new QLabel(this))
    , m_confirmButton(new QPushButton(tr("Leave These Groups"), this))
    , m_progress(new QLabel(this))
{
    setObjectName(QStringLiteral("groupCleanupDialog"));
    setWindowTitle(tr("Clean Up Groups"));
    resize(820, 520);

    // Page 1: pick.
    m_table->setObjectName(QStringLiteral("cleanupTable"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Group"), tr("Health"), tr("Customers (30 days)"),
                                        tr("Staff replies (30 days)"), tr("Last customer message"),
                                        tr("Tags")});
    m_table->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSortingEnabled(false);
    m_starsBox->setRange(0, GroupHealth::kMaxStars);
    m_starsBox->setValue(1);
    m_starsBox->setSuffix(tr(" stars or fewer"));
    auto *byStars = new QPushButton(tr("Select by rating"), this);
    auto *byTag = new QPushButton(tr("Select by tag"), this);
    auto *none = new QPushButton(tr("Select none"), this);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_quietBox);
    filters->addStretch(1);
    filters->addWidget(m_starsBox);
    filters->addWidget(byStars);
    filters->addWidget(m_tagBox);
    filters->addWidget(byTag);
    filters->addWidget(none);
    auto *pickButtons = new QHBoxLayout;
    pickButtons->addWidget(m_selectionLabel, 1);
    pickButtons->addWidget(m_previewButton);
    auto *pick = new QWidget(this);
    auto *pickLayout = new QVBoxLayout(pick);
    pickLayout->setContentsMargins(0, 0, 0, 0);
    pickLayout->addLayout(filters);
    pickLayout->addWidget(m_table, 1);
    pickLayout->addLayout(pickButtons);

    // Page 2: preview and confirm; then each group's outcome.
    m_preview->setObjectName(QStringLiteral("cleanupPreview"));
    m_preview->setColumnCount(3);
    m_preview->setHorizontalHeaderLabels({tr("Group"), tr("Health"), tr("Outcome")});
    m_preview->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_preview->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_preview->verticalHeader()->hide();
    m_previewSummary->setWordWrap(true);
    m_previewSummary->setTextFormat(Qt::PlainText);
    m_progress->setTextFormat(Qt::PlainText);
    auto *back = new QPushButton(tr("Back"), this);
    auto *cancelRun = new QPushButton(tr("Stop"), this);
    cancelRun->hide();
    auto *previewButtons = new QHBoxLayout;
    previewButtons->addWidget(back);
    previewButtons->addWidget(m_progress, 1);
    previewButtons->addWidget(cancelRun);
    previewButtons->addWidget(m_confirmButton);
    auto *previewPage = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewPage);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_previewSummary);
    previewLayout->addWidget(m_preview, 1);
    previewLayout->addLayout(previewButtons);

    m_pages->addWidget(pick);
    m_pages->addWidget(previewPage);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(close);

    connect(m_quietBox, &QCheckBox::toggled, this, &GroupCleanupDialog::setQuietOnly);
    connect(byStars, &QPushButton::clicked, this, [this] { selectUpToStars(m_starsBox->value()); });
    connect(byTag, &QPushButton::clicked, this, [this] { selectTag(m_tagBox->currentText()); });
    connect(none, &QPushButton::clicked, this, [this] {
        m_checked.clear();
        rebuildTable();
    });
    connect(m_previewButton, &QPushButton::clicked, this, &GroupCleanupDialog::showPreview);
    connect(back, &QPushButton::clicked, this, [this] { m_pages->setCurrentIndex(0); });
    connect(m_confirmButton, &QPushButton::clicked, this, &GroupCleanupDialog::confirm);
    connect(cancelRun, &QPushButton::clicked, m_cleanup, &GroupCleanup::cancel);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() != Name)
            return;
        const QString roomId = item->data(Qt::UserRole).toString();
        if (item->checkState() == Qt::Checked)
            m_checked.insert(roomId);
        else
            m_checked.remove(roomId);
        m_selectionLabel->setText(tr("%n group(s) selected", nullptr, int(m_checked.size())));
        m_previewButton->setEnabled(!m_checked.isEmpty());
    });
    connect(m_cleanup, &GroupCleanup::groupFinished, this, &GroupCleanupDialog::onGroupFinished);
    connect(m_cleanup, &GroupCleanup::finished, this,
            [this, back, cancelRun](const QVector<CleanupResult> &results, bool cancelled) {
                int ok = 0;
                for (const CleanupResult &r : results)
                    ok += r.ok;
                m_progress->setText(
                    cancelled
                        ? tr("Stopped: left %1 of %2 groups.").arg(ok).arg(m_preview->rowCount())
                        : tr("Done: left %1 of %2 groups; %3 failed.")
                              .arg(ok)
                              .arg(m_preview->rowCount())
                              .arg(results.size() - ok));
                cancelRun->hide();
                back->setEnabled(true);
            });
    connect(m_confirmButton, &QPushButton::clicked, this, [back, cancelRun] {
        back->setEnabled(false);
        cancelRun->show();
    });
}

void GroupCleanupDialog::setGroups(const QVector<GroupActivityCounts> &groups,
                                   const QHash<QString, QStringList> &tags,
                                   const QSet<QString> &leftRooms, qint64 nowMs)
{
    m_groups = groups;
    m_tags = tags;
    m_left = leftRooms;
    m_nowMs = nowMs;
    QStringList allTags;
    for (const QStringList &list : tags)
        for (const QString &t : list)
            if (!allTags.contains(t))
                allTags << t;
    allTags.sort();
    m_tagBox->clear();
    m_tagBox->addItems(allTags);
    rebuildTable();
}

void GroupCleanupDialog::setQuietOnly(bool quietOnly)
{
    m_quietOnly = quietOnly;
    if (m_quietBox->isChecked() != quietOnly)
        m_quietBox->setChecked(quietOnly);
    setWindowTitle(quietOnly ? tr("Quiet Groups") : tr("Clean Up Groups"));
    rebuildTable();
}

void GroupCleanupDialog::rebuildTable()
{
    QVector<GroupActivityCounts> shown
        = m_quietOnly ? GroupHealth::quietGroups(m_groups) : m_groups;
    if (!m_quietOnly) {
        std::stable_sort(shown.begin(), shown.end(),
                         [](const GroupActivityCounts &a, const GroupActivityCounts &b) {
                             return GroupHealth::score(a) < GroupHealth::score(b);
                         });
    }
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(int(shown.size()));
    for (int row = 0; row < shown.size(); ++row) {
        const GroupActivityCounts &a = shown.at(row);
        const bool left = m_left.contains(a.roomId);
        auto *name = cell(left ? tr("%1 (left)").arg(a.topic) : a.topic);
        name->setData(Qt::UserRole, a.roomId);
        if (!left) {
            name->setFlags(name->flags() | Qt::ItemIsUserCheckable);
            name->setCheckState(m_checked.contains(a.roomId) ? Qt::Checked : Qt::Unchecked);
        }
        m_table->setItem(row, Name, name);
        m_table->setItem(row, Stars, cell(GroupHealth::starText(GroupHealth::stars(a))));
        m_table->setItem(row, Customers, cell(QString::number(a.activeCustomers30)));
        m_table->setItem(row, StaffReplies, cell(QString::number(a.staffReplies30)));
        m_table->setItem(row, LastCustomer,
                         cell(a.lastCustomerMs > 0 ? TimeText::dateTime(a.lastCustomerMs)
                                                   : tr("none in 30 days")));
        m_table->setItem(row, Tags, cell(m_tags.value(a.roomId).join(QLatin1String(", "))));
    }
    m_selectionLabel->setText(tr("%n group(s) selected", nullptr, int(m_checked.size())));
    m_previewButton->setEnabled(!m_checked.isEmpty());
}

void GroupCleanupDialog::selectUpToStars(int stars)
{
    for (const GroupActivityCounts &a : std::as_const(m_groups)) {
        if (!m_left.contains(a.roomId) && GroupHealth::stars(a) <= stars)
            m_checked.insert(a.roomId);
    }
    rebuildTable();
}

void GroupCleanupDialog::selectTag(const QString &tag)
{
    if (tag.isEmpty())
        return;
    for (const GroupActivityCounts &a : std::as_const(m_groups)) {
        if (!m_left.contains(a.roomId) && m_tags.value(a.roomId).contains(tag))
            m_checked.insert(a.roomId);
    }
    rebuildTable();
}

void GroupCleanupDialog::setChecked(const QString &roomId, bool checked)
{
    if (checked && !m_left.contains(roomId))
        m_checked.insert(roomId);
    else
        m_checked.remove(roomId);
    rebuildTable();
}

QStringList GroupCleanupDialog::checkedRoomIds() const
{
    QStringList out;
    for (const GroupActivityCounts &a : m_groups) {
        if (m_checked.contains(a.roomId))
            out << a.roomId;
    }
    return out;
}

void GroupCleanupDialog::showPreview()
{
    const QStringList ids = checkedRoomIds();
    m_preview->setRowCount(int(ids.size()));
    int row = 0;
    for (const GroupActivityCounts &a : std::as_const(m_groups)) {
        if (!m_checked.contains(a.roomId))
            continue;
        auto *name = cell(a.topic);
        name->setData(Qt::UserRole, a.roomId);
        m_preview->setItem(row, 0, name);
        m_preview->setItem(row, 1, cell(GroupHealth::starText(GroupHealth::stars(a))));
        m_preview->setItem(row, 2, cell(tr("to leave")));
        ++row;
    }
    const double pace = m_cleanup->paceMs() / 1000.0;
    const double seconds = qMax(0.0, (double(ids.size()) - 1) * pace);
    m_previewSummary->setText(
        tr("The bot will leave these %n group(s), one every %1 seconds (about %2 s in all). "
           "Their archive (messages, members, notes) stays and can still be searched. "
           "Customers are not told.",
           nullptr, int(ids.size()))
            .arg(QLocale().toString(pace, 'g', 3))
            .arg(QLocale().toString(seconds, 'f', 0)));
    m_progress->clear();
    m_confirmButton->setEnabled(!ids.isEmpty() && !m_cleanup->isRunning());
    m_pages->setCurrentIndex(1);
}

void GroupCleanupDialog::confirm()
{
    QVector<CleanupTarget> targets;
    for (int row = 0; row < m_preview->rowCount(); ++row) {
        targets.append({m_accountId, m_preview->item(row, 0)->data(Qt::UserRole).toString(),
                        m_preview->item(row, 0)->text()});
    }
    if (targets.isEmpty() || !m_cleanup->start(targets))
        return;
    m_confirmButton->setEnabled(false);
    m_progress->setText(tr("Leaving group 1 of %1…").arg(targets.size()));
}

void GroupCleanupDialog::onGroupFinished(const CleanupResult &result, int done, int total)
{
    for (int row = 0; row < m_preview->rowCount(); ++row) {
        if (m_preview->item(row, 0)->data(Qt::UserRole).toString() != result.target.roomId)
            continue;
        if (m_preview->item(row, 2)->text() != tr("to leave"))
            continue; // the same group twice: the first row has its outcome
        m_preview->setItem(row, 2,
                           cell(result.ok ? tr("Left") : tr("Failed: %1").arg(result.error)));
        break;
    }
    if (result.ok) {
        m_left.insert(result.target.roomId);
        m_checked.remove(result.target.roomId);
    }
    if (done < total)
        m_progress->setText(tr("Leaving group %1 of %2…").arg(done + 1).arg(total));
}

} // namespace gd

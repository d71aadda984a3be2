#include "push/PushSchedulePage.h"

#include "PlainText.h"
#include "TimeText.h"
#include "push/PushService.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gd {
namespace {

struct Choices
{
    QVector<PushGroup> groups;
    QVector<Product> products;
};

} // namespace

PushSchedulePage::PushSchedulePage(PushService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_days(new QSpinBox(this))
    , m_timeline(new QTreeWidget(this))
    , m_logGroup(new QComboBox(this))
    , m_logProduct(new QComboBox(this))
    , m_log(new QTableWidget(this))
{
    m_days->setRange(1, 14);
    m_days->setValue(3);
    m_days->setSuffix(tr(" day(s)"));
    auto *refresh = new QPushButton(tr("Refresh"), this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Today and the next days:"), this));
    bar->addWidget(m_days);
    bar->addWidget(refresh);
    bar->addStretch();
    m_timeline->setColumnCount(4);
    m_timeline->setHeaderLabels(
        {tr("When / group"), tr("Sent by / when"), tr("Product"), tr("Why")});
    m_timeline->header()->setSectionResizeMode(3, QHeaderView::Stretch);

    auto *logBar = new QHBoxLayout;
    logBar->addWidget(new QLabel(tr("Push log: group"), this));
    logBar->addWidget(m_logGroup, 1);
    logBar->addWidget(new QLabel(tr("product"), this));
    logBar->addWidget(m_logProduct, 1);
    m_log->setColumnCount(5);
    m_log->setHorizontalHeaderLabels(
        {tr("Run"), tr("Group"), tr("Account"), tr("Product"), tr("Text")});
    m_log->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_log->verticalHeader()->hide();
    m_log->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *logBox = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addLayout(logBar);
    logLayout->addWidget(m_log);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_timeline);
    split->addWidget(logBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split);

    connect(refresh, &QPushButton::clicked, this, &PushSchedulePage::reload);
    connect(m_days, &QSpinBox::valueChanged, this, &PushSchedulePage::reload);
    connect(m_logGroup, &QComboBox::currentIndexChanged, this, &PushSchedulePage::reloadLog);
    connect(m_logProduct, &QComboBox::currentIndexChanged, this, &PushSchedulePage::reloadLog);
    reload();
}

void PushSchedulePage::reload()
{
    const int days = m_days->value();
    m_service->call<QPair<qint64, QVector<TimelineSlot>>>(
        this,
        [days](PushWorkspace &w) {
            const qint64 now = w.nowMs();
            const QDate today = QDateTime::fromMSecsSinceEpoch(now, w.options().zone).date();
            const qint64 end
                = QDateTime(today.addDays(days), QTime(0, 0), w.options().zone).toMSecsSinceEpoch();
            return qMakePair(now, w.timeline(now, end));
        },
        [this](const QPair<qint64, QVector<TimelineSlot>> &result) {
            m_timeline->clear();
            QTreeWidgetItem *day = nullptr;
            QDate dayDate;
            for (const TimelineSlot &slot : result.second) {
                const QDateTime at = QDateTime::fromMSecsSinceEpoch(slot.runMs);
                if (!day || at.date() != dayDate) {
                    dayDate = at.date();
                    day = new QTreeWidgetItem(m_timeline);
                    day->setText(0, QLocale().toString(dayDate, QLocale::LongFormat));
                    day->setFirstColumnSpanned(true);
                    day->setExpanded(true);
                }
                int sending = 0;
                for (const PlannedSend &s : slot.sends)
                    sending += s.skip == PushSkip::None;
                auto *run = new QTreeWidgetItem(day);
                run->setText(0, tr("%1  %2").arg(TimeText::clock(slot.runMs), slot.ruleName));
                run->setText(1, tr("%n group(s)", nullptr, sending));
                run->setExpanded(day->childCount() <= 3);
                for (const PlannedSend &s : slot.sends) {
                    auto *row = new QTreeWidgetItem(run);
                    row->setText(0, s.group.name.isEmpty() ? s.group.roomId : s.group.name);
                    if (s.skip != PushSkip::None) {
                        row->setText(2, tr("not sent"));
                        row->setText(3, PushPlanner::describeSkip(s.skip));
                    } else {
                        row->setText(1,
                                     tr("%1 at %2")
                                         .arg(s.accountName.isEmpty() ? s.accountId : s.accountName,
                                              TimeText::clock(s.dueMs)));
                        row->setText(2, s.productTitle);
                        row->setText(3, SelectionPolicy::explain(s.choice, slot.runMs));
                        row->setToolTip(2, PlainText::toolTip(s.text));
                    }
                }
            }
            if (result.second.isEmpty()) {
                auto *none = new QTreeWidgetItem(m_timeline);
                none->setText(0, tr("No enabled rule runs in these days."));
                none->setFirstColumnSpanned(true);
            }
            m_timeline->resizeColumnToContents(0);
            m_timeline->resizeColumnToContents(1);
            m_timeline->setColumnWidth(2, std::min(m_timeline->columnWidth(2), 220));
        });
    m_service->call<Choices>(
        this,
        [](PushWorkspace &w) {
            return Choices{w.groups(), w.products()};
        },
        [this](const Choices &c) {
            const QString group = m_logGroup->currentData().toString();
            const QString product = m_logProduct->currentData().toString();
            const QSignalBlocker b1(m_logGroup);
            const QSignalBlocker b2(m_logProduct);
            m_logGroup->clear();
            m_logGroup->addItem(tr("All groups"), QString());
            for (const PushGroup &g : c.groups)
                m_logGroup->addItem(g.name.isEmpty() ? g.roomId : g.name, g.roomId);
            m_logProduct->clear();
            m_logProduct->addItem(tr("All products"), QString());
            for (const Product &p : c.products)
                m_logProduct->addItem(p.title, p.id);
            m_logGroup->setCurrentIndex(std::max(0, m_logGroup->findData(group)));
            m_logProduct->setCurrentIndex(std::max(0, m_logProduct->findData(product)));
            reloadLog();
        });
}

void PushSchedulePage::reloadLog()
{
    const QString group = m_logGroup->currentData().toString();
    const QString product = m_logProduct->currentData().toString();
    m_service->call<QVector<PushLogEntry>>(
        this, [group, product](PushWorkspace &w) { return w.log(group, product, 500); },
        [this](const QVector<PushLogEntry> &log) {
            m_log->setRowCount(int(log.size()));
            for (int r = 0; r < log.size(); ++r) {
                const PushLogEntry &e = log.at(r);
                const QStringList cells = {TimeText::dateTime(e.runMs), e.roomName,
                                           e.accountName.isEmpty() ? e.accountId : e.accountName,
                                           e.productTitle, e.text};
                for (int c = 0; c < cells.size(); ++c) {
                    auto *item = new QTableWidgetItem(cells.at(c));
                    item->setToolTip(PlainText::toolTip(cells.at(c)));
                    m_log->setItem(r, c, item);
                }
            }
            m_log->resizeColumnsToContents();
        });
}

} // namespace gd

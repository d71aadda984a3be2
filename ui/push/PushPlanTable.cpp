#include "push/PushPlanTable.h"

#include "PlainText.h"
#include "TimeText.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QTableWidget>

namespace gd {

PushPlanTable::PushPlanTable(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(this))
    , m_picture(new QLabel(this))
{
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
        {tr("Group"), tr("Sent by / when"), tr("Product"), tr("Why"), tr("Text")});
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_picture->setFixedWidth(180);
    m_picture->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    m_picture->setTextFormat(Qt::PlainText);
    m_picture->setWordWrap(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_picture);
    connect(m_table, &QTableWidget::currentCellChanged, this,
            [this](int row) { showPicture(row); });
}

void PushPlanTable::setPlan(const QVector<PlannedSend> &plan, qint64 runMs)
{
    m_plan = plan;
    m_table->setRowCount(int(plan.size()));
    for (int r = 0; r < plan.size(); ++r) {
        const PlannedSend &s = plan.at(r);
        auto set = [this, r](int c, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(PlainText::toolTip(text));
            m_table->setItem(r, c, item);
        };
        set(0, s.group.name.isEmpty() ? s.group.roomId : s.group.name);
        if (s.skip != PushSkip::None) {
            set(1, QString());
            set(2, tr("not sent"));
            set(3, PushPlanner::describeSkip(s.skip));
            set(4, QString());
            for (int c = 0; c < 5; ++c)
                m_table->item(r, c)->setForeground(palette().color(QPalette::PlaceholderText));
            continue;
        }
        set(1,
            tr("%1 at %2")
                .arg(s.accountName.isEmpty() ? s.accountId : s.accountName,
                     TimeText::clock(s.dueMs)));
        set(2, s.productTitle);
        set(3, SelectionPolicy::explain(s.choice, runMs));
        set(4, s.text);
    }
    m_table->resizeColumnToContents(0);
    m_table->resizeColumnToContents(1);
    m_table->setColumnWidth(2, 160);
    m_table->setColumnWidth(3, 300);
    m_table->resizeRowsToContents();
    showPicture(plan.isEmpty() ? -1 : 0);
    if (!plan.isEmpty())
        m_table->selectRow(0);
}

void PushPlanTable::showPicture(int row)
{
    if (row < 0 || row >= m_plan.size() || m_plan.at(row).imagePath.isEmpty()) {
        m_picture->setPixmap(QPixmap());
        m_picture->setText(tr("No picture"));
        return;
    }
    const QPixmap pix(m_plan.at(row).imagePath);
    if (pix.isNull()) {
        m_picture->setText(tr("The picture cannot be shown."));
        return;
    }
    m_picture->setPixmap(pix.scaled(170, 170, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

} // namespace gd

#include "push/BroadcastPage.h"

#include "PlainText.h"
#include "TimeText.h"
#include "push/PushService.h"

#include <QCheckBox>
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
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace gd {
namespace {

struct Choices
{
    QVector<PushGroup> groups;
    QStringList tags;
    QVector<BroadcastRecord> broadcasts;
};

} // namespace

BroadcastPage::BroadcastPage(PushService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_text(new QPlainTextEdit(this))
    , m_image(new QLineEdit(this))
    , m_tags(new QListWidget(this))
    , m_groups(new QListWidget(this))
    , m_later(new QCheckBox(tr("Send later, at"), this))
    , m_at(new QDateTimeEdit(this))
    , m_targetsLabel(new QLabel(this))
    , m_history(new QListWidget(this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_cancel(new QPushButton(tr("Cancel the rest"), this))
    , m_report(new QTableWidget(this))
    , m_refresh(new QTimer(this))
{
    m_text->setMaximumHeight(80);
    m_text->setPlaceholderText(tr("The announcement"));
    auto *browse = new QPushButton(tr("Choose…"), this);
    auto *image = new QHBoxLayout;
    image->addWidget(m_image);
    image->addWidget(browse);
    m_tags->setMaximumHeight(80);
    m_groups->setMaximumHeight(120);
    m_at->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_at->setDateTime(QDateTime::currentDateTime().addSecs(3600));
    auto *when = new QHBoxLayout;
    when->addWidget(m_later);
    when->addWidget(m_at);
    when->addStretch();
    m_targetsLabel->setTextFormat(Qt::PlainText);
    m_targetsLabel->setWordWrap(true);
    auto *previewButton = new QPushButton(tr("Preview the groups"), this);
    auto *sendButton = new QPushButton(tr("Send"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(previewButton);
    buttons->addStretch();
    buttons->addWidget(sendButton);
    auto *form = new QFormLayout;
    form->addRow(tr("Text"), m_text);
    form->addRow(tr("Picture"), image);
    form->addRow(tr("Groups with tags"), m_tags);
    form->addRow(tr("Or these groups"), m_groups);
    form->addRow(tr("When"), when);
    auto *compose = new QWidget(this);
    auto *composeLayout = new QVBoxLayout(compose);
    composeLayout->addLayout(form);
    composeLayout->addWidget(m_targetsLabel);
    composeLayout->addLayout(buttons);

    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    auto *control = new QHBoxLayout;
    control->addWidget(m_progress, 1);
    control->addWidget(m_pause);
    control->addWidget(m_cancel);
    m_report->setColumnCount(4);
    m_report->setHorizontalHeaderLabels({tr("Group"), tr("Account"), tr("State"), tr("Reason")});
    m_report->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_report->verticalHeader()->hide();
    m_report->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *reportBox = new QWidget(this);
    auto *reportLayout = new QVBoxLayout(reportBox);
    reportLayout->addWidget(new QLabel(tr("Broadcasts"), this));
    reportLayout->addWidget(m_history, 1);
    reportLayout->addWidget(m_summary);
    reportLayout->addLayout(control);
    reportLayout->addWidget(m_report, 3);

    auto *split = new QSplitter(this);
    split->addWidget(compose);
    split->addWidget(reportBox);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    m_pause->setEnabled(false);
    m_cancel->setEnabled(false);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Picture"), QString(), tr("Pictures (*.png *.jpg *.jpeg *.gif *.webp)"));
        if (!path.isEmpty())
            m_image->setText(path);
    });
    connect(previewButton, &QPushButton::clicked, this, &BroadcastPage::previewTargets);
    connect(sendButton, &QPushButton::clicked, this, &BroadcastPage::send);
    connect(m_history, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            showBroadcast(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_pause, &QPushButton::clicked, this, [this] {
        const qint64 id = m_shown;
        const bool pause = !m_paused;
        m_service->call<bool>(
            this,
            [id, pause](PushWorkspace &w) {
                w.pauseBroadcast(id, pause);
                return true;
            },
            [this, id](bool) { showBroadcast(id); });
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Cancel the broadcast"),
                                  tr("Groups that have not received it yet will not get it. "
                                     "Cancel the rest?"))
            != QMessageBox::Yes)
            return;
        const qint64 id = m_shown;
        m_service->call<bool>(
            this,
            [id](PushWorkspace &w) {
                w.cancelBroadcast(id);
                return true;
            },
            [this, id](bool) { showBroadcast(id); });
    });
    // Progress while a broadcast is on screen.
    m_refresh->setInterval(1000);
    connect(m_refresh, &QTimer::timeout, this, [this] {
        if (m_shown > 0 && isVisible())
            showBroadcast(m_shown);
    });
    m_refresh->start();
    reload();
}

void BroadcastPage::reload()
{
    m_service->call<Choices>(
        this,
        [](PushWorkspace &w) {
            return Choices{w.groups(), w.tags(), w.broadcasts()};
        },
        [this](const Choices &c) {
            m_tags->clear();
            for (const QString &t : c.tags) {
                auto *item = new QListWidgetItem(t, m_tags);
                item->setCheckState(Qt::Unchecked);
            }
            m_groups->clear();
            for (const PushGroup &g : c.groups) {
                auto *item = new QListWidgetItem(g.name.isEmpty() ? g.roomId : g.name, m_groups);
                item->setData(Qt::UserRole, g.roomId);
                item->setCheckState(Qt::Unchecked);
            }
            const qint64 keep = m_shown;
            m_history->clear();
            for (const BroadcastRecord &b : c.broadcasts) {
                const QString what = b.text.isEmpty() ? tr("(picture)") : b.text.left(30);
                auto *item = new QListWidgetItem(
                    tr("%1  %2").arg(TimeText::dateTime(b.createdMs), what), m_history);
                item->setData(Qt::UserRole, b.id);
                item->setToolTip(PlainText::toolTip(b.text));
                if (b.id == keep)
                    m_history->setCurrentItem(item);
            }
        });
}

static PushTargets targetsOf(QListWidget *tags, QListWidget *groups)
{
    PushTargets t;
    for (int i = 0; i < tags->count(); ++i) {
        if (tags->item(i)->checkState() == Qt::Checked)
            t.tags << tags->item(i)->text();
    }
    for (int i = 0; i < groups->count(); ++i) {
        if (groups->item(i)->checkState() == Qt::Checked)
            t.roomIds << groups->item(i)->data(Qt::UserRole).toString();
    }
    return t;
}

void BroadcastPage::previewTargets()
{
    const PushTargets targets = targetsOf(m_tags, m_groups);
    m_service->call<QVector<PushGroup>>(
        this, [targets](PushWorkspace &w) { return w.broadcastTargets(targets); },
        [this](const QVector<PushGroup> &groups) {
            QStringList names;
            for (const PushGroup &g : groups)
                names << (g.name.isEmpty() ? g.roomId : g.name);
            m_targetsLabel->setText(tr("It goes to %n group(s): %1", nullptr, int(groups.size()))
                                        .arg(names.join(QStringLiteral("、"))));
        });
}

void BroadcastPage::send()
{
    const PushTargets targets = targetsOf(m_tags, m_groups);
    const QString text = m_text->toPlainText();
    const QString image = m_image->text().trimmed();
    const qint64 due = m_later->isChecked() ? m_at->dateTime().toMSecsSinceEpoch() : 0;
    m_service->call<QPair<qint64, QString>>(
        this,
        [=](PushWorkspace &w) {
            QString error;
            const qint64 id = w.createBroadcast(text, image, targets, due, &error);
            return qMakePair(id, error);
        },
        [this](const QPair<qint64, QString> &result) {
            if (result.first == 0) {
                QMessageBox::warning(this, tr("Broadcast not sent"), result.second);
                return;
            }
            m_shown = result.first;
            m_text->clear();
            reload();
            showBroadcast(result.first);
        });
}

void BroadcastPage::showBroadcast(qint64 broadcastId)
{
    m_shown = broadcastId;
    m_service->call<BroadcastReport>(
        this, [broadcastId](PushWorkspace &w) { return w.broadcastReport(broadcastId); },
        [this](const BroadcastReport &r) { showReport(r); });
}

void BroadcastPage::showReport(const BroadcastReport &r)
{
    if (r.broadcast.id != m_shown)
        return;
    const int total = int(r.rows.size());
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(r.delivered + r.failed + r.cancelled);
    m_progress->setFormat(
        tr("%1 of %2 handled").arg(r.delivered + r.failed + r.cancelled).arg(total));
    m_paused = r.campaign == PushCampaignState::Paused;
    const bool over = r.campaign == PushCampaignState::Cancelled || r.waiting == 0;
    m_pause->setText(m_paused ? tr("Resume") : tr("Pause"));
    m_pause->setEnabled(!over);
    m_cancel->setEnabled(!over);
    QString state = r.campaign == PushCampaignState::Cancelled ? tr("cancelled")
        : m_paused                                             ? tr("paused")
        : r.waiting > 0                                        ? tr("sending")
                                                               : tr("finished");
    m_summary->setText(tr("%1: %2 delivered, %3 failed, %4 cancelled, %5 waiting (due %6).")
                           .arg(state)
                           .arg(r.delivered)
                           .arg(r.failed)
                           .arg(r.cancelled)
                           .arg(r.waiting)
                           .arg(TimeText::dateTime(r.broadcast.dueMs)));
    m_report->setRowCount(total);
    for (int i = 0; i < total; ++i) {
        const BroadcastReportRow &row = r.rows.at(i);
        QString st;
        switch (row.state) {
        case PushDelivery::Delivered:
            st = tr("delivered");
            break;
        case PushDelivery::Failed:
            st = tr("failed");
            break;
        case PushDelivery::Unknown:
            st = tr("unknown (interrupted)");
            break;
        case PushDelivery::Cancelled:
            st = tr("cancelled");
            break;
        case PushDelivery::Sending:
            st = tr("sending");
            break;
        default:
            st = tr("waiting");
        }
        const QStringList cells
            = {row.roomName.isEmpty() ? row.roomId : row.roomName,
               row.accountName.isEmpty() ? row.accountId : row.accountName, st, row.error};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(PlainText::toolTip(cells.at(c)));
            m_report->setItem(i, c, item);
        }
    }
    m_report->resizeColumnToContents(0);
}

} // namespace gd

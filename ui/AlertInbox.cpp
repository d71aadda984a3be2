#include "AlertInbox.h"

#include "AlertListModel.h"
#include "monitor/AlertText.h"
#include "monitor/AlertMonitor.h"

#include <QComboBox>
#include <QDateTime>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace gd {

AlertInbox::AlertInbox(AlertMonitor *monitor, AlertListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_model(model)
{
    setObjectName(QStringLiteral("alertInbox"));
    m_filter = new QComboBox(this);
    m_filter->addItem(tr("Open alerts"));
    m_filter->addItem(tr("All alerts (resolved too)"));
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search alerts"));
    m_search->setClearButtonEnabled(true);
    auto *rules = new QToolButton(this);
    rules->setText(tr("Rules…"));
    rules->setToolTip(tr("Edit the alert rules and try them on history"));
    connect(rules, &QToolButton::clicked, this, &AlertInbox::rulesRequested);
    auto *top = new QHBoxLayout;
    top->addWidget(m_filter);
    top->addWidget(m_search, 1);
    top->addWidget(rules);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("alertList"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(AlertListModel::ExcerptColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(AlertListModel::SeverityColumn, 60);
    m_view->setColumnWidth(AlertListModel::KindColumn, 90);
    m_view->setColumnWidth(AlertListModel::GroupColumn, 130);
    m_view->setColumnWidth(AlertListModel::CustomerColumn, 90);
    m_view->setColumnWidth(AlertListModel::AgeColumn, 70);
    m_view->setColumnWidth(AlertListModel::StateColumn, 110);
    // Never narrower than the column's title ("严重级别" needs more than 60).
    const QFontMetrics titleMetrics(m_view->header()->font());
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const QString title
            = m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        const int needed = titleMetrics.horizontalAdvance(title) + 24;
        if (m_view->columnWidth(column) < needed)
            m_view->setColumnWidth(column, needed);
    }

    m_ack = new QPushButton(tr("Acknowledge"), this);
    m_assign = new QPushButton(tr("Assign…"), this);
    // A push button with a menu, like its neighbours: it is as tall as
    // they are and sized for its text and the menu arrow in every language
    // (a tool button's arrow covered "暂缓" at the default size).
    m_snooze = new QPushButton(tr("Snooze"), this);
    auto *snoozeMenu = new QMenu(m_snooze);
    snoozeMenu->addAction(tr("15 minutes"), this, [this] { snoozeCurrent(15); });
    snoozeMenu->addAction(tr("1 hour"), this, [this] { snoozeCurrent(60); });
    snoozeMenu->addAction(tr("4 hours"), this, [this] { snoozeCurrent(240); });
    snoozeMenu->addAction(tr("Until tomorrow 9:00"), this, [this] {
        const QDateTime now = QDateTime::currentDateTime();
        const QDateTime tomorrow(now.date().addDays(1), QTime(9, 0));
        snoozeCurrent(int(now.secsTo(tomorrow) / 60));
    });
    m_snooze->setMenu(snoozeMenu);
    m_resolve = new QPushButton(tr("Resolve"), this);
    m_reopen = new QPushButton(tr("Reopen"), this);
    connect(m_ack, &QPushButton::clicked, this, &AlertInbox::acknowledgeCurrent);
    connect(m_assign, &QPushButton::clicked, this, &AlertInbox::askAssignee);
    connect(m_resolve, &QPushButton::clicked, this, &AlertInbox::resolveCurrent);
    connect(m_reopen, &QPushButton::clicked, this, &AlertInbox::reopenCurrent);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_ack);
    buttons->addWidget(m_assign);
    buttons->addWidget(m_snooze);
    buttons->addWidget(m_resolve);
    buttons->addWidget(m_reopen);
    buttons->addStretch(1);

    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_history = new QListWidget(this);
    m_history->setObjectName(QStringLiteral("alertHistory"));

    // The list with its actions on the left, the selected alert's summary
    // and history on the right: the dock stays low above the chats.
    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_view, 1);
    listLayout->addLayout(buttons);
    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_summary);
    detailLayout->addWidget(m_history, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(listPane);
    split->addWidget(detailPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                updateButtons();
                showHistory();
                // Staff moving through the list see each alert's message in
                // the feed; a row that moved because another was resolved
                // does not take the feed away from someone typing.
                if (current.isValid() && m_view->hasFocus()) {
                    const Alert a = m_model->alertAt(current.row());
                    if (!a.roomId.isEmpty())
                        emit openRequested(a.accountId, a.roomId, a.messageRowId, false);
                }
            });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] { updateButtons(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &AlertInbox::updateButtons);
    // Live alerts arrive as inserted rows: the empty-inbox text must follow.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AlertInbox::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &AlertInbox::updateButtons);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const Alert a = m_model->alertAt(index.row());
        if (!a.roomId.isEmpty())
            emit openRequested(a.accountId, a.roomId, a.messageRowId, true);
    });
    // Search as staff type, a moment after the last key.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(debounce, &QTimer::timeout, this, &AlertInbox::runSearch);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_filter, &QComboBox::currentIndexChanged, this, &AlertInbox::runSearch);
    if (m_monitor) {
        // A change seen while a search is shown: refresh the answer.
        connect(m_monitor, &AlertMonitor::alertChanged, this, [this, debounce] {
            if (!m_model->isLive())
                debounce->start();
            showHistory();
        });
    }
    updateButtons();
}

QString AlertInbox::deskUser()
{
    QString set = QSettings().value(QStringLiteral("monitor/deskUser")).toString();
    if (!set.isEmpty())
        return set;
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? tr("this desk") : user;
}

qint64 AlertInbox::currentAlertId() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.data(AlertListModel::AlertIdRole).toLongLong() : 0;
}

void AlertInbox::selectAlert(qint64 alertId)
{
    const int row = m_model->rowOf(alertId);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void AlertInbox::updateButtons()
{
    const QModelIndex index = m_view->currentIndex();
    const bool has = index.isValid();
    const Alert a = has ? m_model->alertAt(index.row()) : Alert();
    m_ack->setEnabled(has && a.state == AlertState::Open);
    m_assign->setEnabled(has && a.isActive());
    m_snooze->setEnabled(has && a.isActive());
    m_resolve->setEnabled(has && a.isActive());
    m_reopen->setVisible(has && !a.isActive());
    if (!has) {
        m_summary->setText(m_model->rowCount() == 0 && m_model->isLive()
                               ? tr("No open alerts.")
                               : tr("Select an alert to see its message; Enter takes you to "
                                    "the composer."));
        m_history->clear();
    }
}

void AlertInbox::showHistory()
{
    const qint64 id = currentAlertId();
    if (id == 0 || !m_monitor)
        return;
    const Alert a = m_model->alertAt(m_view->currentIndex().row());
    m_summary->setText(AlertText::summary(a));
    const LatestRequest::Ticket ticket = m_historyRequests.next();
    m_monitor->alertWithHistory(id, this, [this, ticket](Alert withHistory) {
        if (!m_historyRequests.isLatest(ticket))
            return;
        m_history->clear();
        for (const AlertHistoryEntry &e : std::as_const(withHistory.history))
            m_history->addItem(AlertText::historyText(e));
    });
}

void AlertInbox::acknowledgeCurrent()
{
    if (const qint64 id = currentAlertId(); id && m_monitor)
        m_monitor->acknowledge(id, deskUser());
}

void AlertInbox::askAssignee()
{
    QSettings settings;
    QStringList people = settings.value(QStringLiteral("monitor/people")).toStringList();
    bool ok = false;
    const QString person
        = QInputDialog::getItem(this, tr("Assign alert"), tr("Assign to:"), people, 0, true, &ok)
              .trimmed();
    if (!ok || person.isEmpty())
        return;
    people.removeAll(person);
    people.prepend(person);
    settings.setValue(QStringLiteral("monitor/people"), people.mid(0, 30));
    assignCurrent(person);
}

void AlertInbox::assignCurrent(const QString &person)
{
    if (const qint64 id = currentAlertId(); id && m_monitor)
        m_monitor->assign(id, person, deskUser());
}

void AlertInbox::snoozeCurrent(int minutes)
{
    if (const qint64 id = currentAlertId(); id && m_monitor)
        m_monitor->snooze(id, QDateTime::currentMSecsSinceEpoch() + qint64(minutes) * 60000,
                          deskUser());
}

void AlertInbox::resolveCurrent()
{
    if (const qint64 id = currentAlertId(); id && m_monitor)
        m_monitor->resolve(id, deskUser());
}

void AlertInbox::reopenCurrent()
{
    if (const qint64 id = currentAlertId(); id && m_monitor)
        m_monitor->reopen(id, deskUser());
}

void AlertInbox::setSearchText(const QString &text, bool includeResolved)
{
    m_filter->setCurrentIndex(includeResolved ? 1 : 0);
    m_search->setText(text);
    runSearch();
}

void AlertInbox::runSearch()
{
    const QString text = m_search->text().trimmed();
    const bool all = m_filter->currentIndex() == 1;
    if (text.isEmpty() && !all) {
        m_searchRequests.supersede();
        m_model->showLive();
        return;
    }
    if (!m_monitor)
        return;
    const LatestRequest::Ticket ticket = m_searchRequests.next();
    m_monitor->search(text, all, this, [this, ticket](const QVector<Alert> &found) {
        if (m_searchRequests.isLatest(ticket))
            m_model->showResults(found);
    });
}

} // namespace gd

#include "ops/ScheduledSendsDialog.h"

#include "TimeText.h"
#include "engine/Engine.h"
#include "ops/SendLaterDialog.h"
#include "outbox/OutboxRepository.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace gd {
namespace {
QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text); // plain text
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}
} // namespace

ScheduledSendsDialog::ScheduledSendsDialog(Store *store, Engine *engine, const QString &accountId,
                                           const QHash<QString, QString> &conversationNames,
                                           QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_engine(engine)
    , m_accountId(accountId)
    , m_names(conversationNames)
    , m_table(new QTableWidget(0, 4, this))
    , m_empty(new QLabel(tr("Nothing is scheduled. Use “Later…” in the composer."), this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_cancel(new QPushButton(tr("Cancel Send"), this))
{
    setObjectName(QStringLiteral("scheduledSendsDialog"));
    setWindowTitle(tr("Scheduled Messages"));
    resize(720, 400);
    m_table->setObjectName(QStringLiteral("scheduledTable"));
    m_table->setHorizontalHeaderLabels({tr("Send at"), tr("To"), tr("Message"), tr("From")});
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_edit);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty);
    layout->addLayout(buttons);

    connect(m_edit, &QPushButton::clicked, this, [this] { editRow(m_table->currentRow()); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { cancelRow(m_table->currentRow()); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const bool any = m_table->currentRow() >= 0;
        m_edit->setEnabled(any);
        m_cancel->setEnabled(any);
    });
    // The outbox changes (a row went out, was cancelled, a new one came):
    // read again, a little later, once for a burst.
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(200);
    connect(&m_reloadTimer, &QTimer::timeout, this, &ScheduledSendsDialog::reload);
    if (OutboxRepository *outbox = engine->outbox()) {
        connect(outbox, &OutboxRepository::entryChanged, this, [this](const OutboxEntry &entry) {
            if (entry.accountId == m_accountId)
                m_reloadTimer.start();
        });
    }
    reload();
}

QString ScheduledSendsDialog::originText(const QString &origin)
{
    // Who queued it, in words; an origin of a newer producer as it is.
    if (origin == kOrigin)
        return tr("Send later");
    if (origin == QLatin1String("composer"))
        return tr("Composer");
    if (origin == QLatin1String("api"))
        return tr("HTTP API");
    if (origin == QLatin1String("push"))
        return tr("Push");
    if (origin == QLatin1String("auto-reply"))
        return tr("Auto-reply");
    if (origin == QLatin1String("welcome"))
        return tr("Welcome");
    return origin;
}

void ScheduledSendsDialog::reload()
{
    const QString accountId = m_accountId;
    m_store->read<QVector<OutboxEntry>>(
        this,
        [accountId](StoreReader &reader) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            // Sent later: queued from "Later…", or queued by anyone for a
            // time ahead. A send-later row past its time that has not gone
            // yet (the bot offline) stays listed and can still be cancelled.
            QVector<OutboxEntry> rows
                = OutboxRepository::rows(reader, accountId, {OutboxState::Queued});
            rows.removeIf([now](const OutboxEntry &e) {
                return e.dueMs <= now && e.origin != ScheduledSendsDialog::kOrigin;
            });
            std::stable_sort(
                rows.begin(), rows.end(),
                [](const OutboxEntry &a, const OutboxEntry &b) { return a.dueMs < b.dueMs; });
            return rows;
        },
        [this](const QVector<OutboxEntry> &rows) {
            const qint64 selected
                = m_table->currentRow() >= 0 && m_table->currentRow() < m_entries.size()
                ? m_entries.at(m_table->currentRow()).id
                : 0;
            m_entries = rows;
            m_table->setRowCount(int(rows.size()));
            for (int row = 0; row < rows.size(); ++row) {
                const OutboxEntry &e = rows.at(row);
                m_table->setItem(row, 0, cell(TimeText::dateTime(e.dueMs)));
                m_table->setItem(row, 1, cell(m_names.value(e.conversationId, e.conversationId)));
                const QString what = e.kind == OutboxKind::Text
                    ? e.text.simplified()
                    : tr("[Picture] %1").arg(e.fileName);
                m_table->setItem(row, 2, cell(what));
                m_table->setItem(row, 3, cell(originText(e.origin)));
                if (e.id == selected)
                    m_table->selectRow(row);
            }
            m_empty->setVisible(rows.isEmpty());
            m_table->setVisible(!rows.isEmpty());
            m_edit->setEnabled(m_table->currentRow() >= 0);
            m_cancel->setEnabled(m_table->currentRow() >= 0);
            emit reloaded();
        });
}

void ScheduledSendsDialog::cancelRow(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    const OutboxEntry e = m_entries.at(row);
    m_engine->outbox()->cancel(e.id, this, [this](bool cancelled) {
        if (!cancelled)
            QMessageBox::information(this, tr("Scheduled Messages"),
                                     tr("This message is already on its way; it can no longer be "
                                        "cancelled."));
        reload();
    });
}

void ScheduledSendsDialog::editRow(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    const OutboxEntry e = m_entries.at(row);
    SendLaterDialog dialog(m_names.value(e.conversationId, e.conversationId), this);
    dialog.setDue(QDateTime::fromMSecsSinceEpoch(e.dueMs));
    if (e.kind == OutboxKind::Text)
        dialog.setText(e.text);
    else
        dialog.setPicture(e.filePath);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Edited = the old one withdrawn, then a new one queued (the outbox
    // keeps rows immutable once queued). Only once the withdrawal committed:
    // a row that started going out meanwhile must not go twice.
    SendRequest request;
    request.accountId = e.accountId;
    request.conversationId = e.conversationId;
    request.text = dialog.text();
    request.filePath = dialog.picturePath();
    if (request.filePath == e.filePath && !e.fileName.isEmpty())
        request.fileName = e.fileName;
    request.dueMs = dialog.due().toMSecsSinceEpoch();
    request.origin = e.origin.isEmpty() ? kOrigin : e.origin;
    QPointer<Engine> engine(m_engine);
    m_engine->outbox()->cancel(e.id, this, [this, engine, request](bool cancelled) {
        if (!cancelled) {
            QMessageBox::information(this, tr("Scheduled Messages"),
                                     tr("This message is already on its way; your changes were "
                                        "not saved."));
            reload();
            return;
        }
        if (!engine)
            return;
        engine->submit(request).then(this, [this](const SubmitResult &result) {
            if (!result.ok())
                QMessageBox::warning(
                    this, tr("Scheduled Messages"),
                    tr("The edited message could not be scheduled: %1").arg(result.error));
            reload();
        });
    });
}

} // namespace gd

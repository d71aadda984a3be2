#include "WebhookLogDialog.h"

#include "TimeText.h"
#include "api/ApiServer.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gd {

WebhookLogDialog::WebhookLogDialog(api::ApiServer *server, const QString &appId,
                                   const QString &appName, QWidget *parent)
    : QDialog(parent)
    , m_server(server)
    , m_appId(appId)
    , m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Webhook deliveries of %1").arg(appName));
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
        {tr("When"), tr("Events"), tr("Attempt"), tr("Result"), tr("Time")});
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(720, 420);
    connect(m_server, &api::ApiServer::deliveryLogged, this, [this](const api::WebhookDelivery &d) {
        if (d.appId == m_appId)
            reload();
    });
    reload();
}

void WebhookLogDialog::reload()
{
    m_server->deliveries(m_appId, 200, this,
                         [this](const QVector<api::WebhookDelivery> &rows) { showRows(rows); });
}

void WebhookLogDialog::showRows(const QVector<api::WebhookDelivery> &rows)
{
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const api::WebhookDelivery &d = rows.at(i);
        const QString events = d.firstEventId == d.lastEventId
            ? QString::number(d.firstEventId)
            : tr("%1 (ids %2–%3)").arg(d.events).arg(d.firstEventId).arg(d.lastEventId);
        const QString result = d.delivered() ? tr("Delivered (HTTP %1)").arg(d.httpStatus)
                                             : tr("Failed: %1").arg(d.error);
        const QStringList cells{TimeText::dateTime(d.atMs), events, QString::number(d.attempt),
                                result, tr("%1 ms").arg(d.durationMs)};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnsToContents();
}

} // namespace gd
